import { createContext, ReactNode, useContext, useMemo, useState } from 'react';

interface AppState {
  /** The campaign every view shows; remembered on this device (an id is not sensitive). */
  readonly campaignId: string | null;
  readonly setCampaignId: (id: string) => void;
  /** The moment every view shows, or null for now; kept for this tab only. */
  readonly asOf: string | null;
  readonly setAsOf: (iso: string | null) => void;
}

const CAMPAIGN_KEY = 'ctp.campaign';
const AS_OF_KEY = 'ctp.asOf';
const AppStateContext = createContext<AppState | null>(null);

/** The stored choices, as the provider starts from them (the route loaders read them before React renders). */
export const storedCampaignId = (): string | null => localStorage.getItem(CAMPAIGN_KEY);
export const storedAsOf = (): string | null => sessionStorage.getItem(AS_OF_KEY);

export function AppStateProvider({ children }: { children: ReactNode }) {
  const [campaignId, setCampaign] = useState<string | null>(storedCampaignId);
  const [asOf, setAsOfState] = useState<string | null>(storedAsOf);
  const value = useMemo<AppState>(
    () => ({
      campaignId,
      setCampaignId: (id) => {
        localStorage.setItem(CAMPAIGN_KEY, id);
        setCampaign(id);
      },
      asOf,
      setAsOf: (iso) => {
        if (iso) sessionStorage.setItem(AS_OF_KEY, iso);
        else sessionStorage.removeItem(AS_OF_KEY);
        setAsOfState(iso);
      },
    }),
    [campaignId, asOf],
  );
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

export function useAppState(): AppState {
  const ctx = useContext(AppStateContext);
  if (!ctx) throw new Error('useAppState outside AppStateProvider');
  return ctx;
}
