/** A route as the README writes it, expanded: `method` is null where the README names only the path. */
export interface ReadmeRoute {
  readonly method: string | null;
  readonly path: string;
  readonly line: number;
  readonly written: string;
}

const SPAN = /`([^`]+)`/g;
const ROUTE = /^(?:(GET|POST|PUT|PATCH|DELETE) )?((?:\/api|\.\.\.)\/\S*)$/;

/** `a{b,c}d[e]` → abd, acd, abde, acde (one level of each, as the README writes them). */
function expand(path: string): string[] {
  const optional = /\[([^\]]*)\]/.exec(path);
  if (optional) {
    const without = path.slice(0, optional.index) + path.slice(optional.index + optional[0].length);
    const withIt = path.slice(0, optional.index) + optional[1] + path.slice(optional.index + optional[0].length);
    return [...expand(without), ...expand(withIt)];
  }
  const choice = /\{([^}]*,[^}]*)\}/.exec(path);
  if (choice) return choice[1].split(',').flatMap((alt) => expand(path.slice(0, choice.index) + alt + path.slice(choice.index + choice[0].length)));
  return [path];
}

/** `.../x/y` continues the last full route before it: from where `x` appears in it, or at its end. */
function resolveRelative(relative: string, previous: string): string {
  const rest = relative.slice(3).split('/').filter(Boolean);
  const segments = previous.split('/');
  const at = segments.lastIndexOf(rest[0]);
  return [...(at > 0 ? segments.slice(0, at) : segments), ...rest].join('/');
}

/**
 * Every route the README names in code spans: `GET /api/x`, `/api/x`, alternatives `{a,b}`,
 * optional parts `[...]`, and `...` paths relative to the previous route on the same line.
 * File names (a dot in the last segment) and query strings are not routes.
 */
export function readmeRoutes(markdown: string): ReadmeRoute[] {
  const routes: ReadmeRoute[] = [];
  markdown.split('\n').forEach((text, index) => {
    let previous: string | null = null;
    for (const span of text.matchAll(SPAN)) {
      const written = span[1].replace(/\\\|/g, '|');
      const match = ROUTE.exec(written.trim());
      if (!match) continue;
      const [, method = null, raw] = match;
      for (const variant of expand(raw)) {
        const bare = variant.split('?')[0].replace(/\/$/, '');
        if (/\.[a-z]+$/i.test(bare.split('/').pop() ?? '')) continue;
        if (bare.startsWith('...') && !previous) continue;
        const path = bare.startsWith('...') ? resolveRelative(bare, previous as string) : bare;
        routes.push({ method, path, line: index + 1, written });
      }
      if (!raw.startsWith('...')) previous = expand(raw)[0].split('?')[0];
    }
  });
  return routes.filter((r, i) => routes.findIndex((o) => o.method === r.method && o.path === r.path) === i);
}
