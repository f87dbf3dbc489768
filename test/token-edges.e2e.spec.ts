import { JwtService } from '@nestjs/jwt';
import { startTestPlatform, TEST_ADMIN, TestPlatform } from './support/test-platform';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('access tokens: only well-formed, current ones are accepted', () => {
  let p: TestPlatform;
  let jwt: JwtService;
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  beforeAll(async () => {
    p = await startTestPlatform();
    jwt = p.app.get(JwtService);
  });
  afterAll(async () => p.close());

  const me = (token: string) => p.http().get('/api/auth/me').set(bearer(token));

  it('accepts a token it issued', async () => {
    const signedIn = await p.http().post('/api/auth/sign-in').send(TEST_ADMIN).expect(200);
    await me(signedIn.body.accessToken).expect(200);
  });

  it('refuses a token signed with the real secret but without an expiry', async () => {
    await me(await jwt.signAsync({ sub: TEST_ADMIN.username })).expect(401);
  });

  it('refuses a token issued in the future, beyond a minute of clock skew', async () => {
    await me(await jwt.signAsync({ sub: TEST_ADMIN.username, iat: nowSeconds() + 3600 }, { expiresIn: 7200 })).expect(401);
    await me(await jwt.signAsync({ sub: TEST_ADMIN.username, iat: nowSeconds() + 30 }, { expiresIn: 600 })).expect(200);
  });

  it('refuses a token without an issue time, and any algorithm but HS256', async () => {
    await me(await jwt.signAsync({ sub: TEST_ADMIN.username, exp: nowSeconds() + 600 }, { noTimestamp: true })).expect(401);
    await me(await jwt.signAsync({ sub: TEST_ADMIN.username }, { algorithm: 'HS512', expiresIn: 600 })).expect(401);
    await me(`${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: TEST_ADMIN.username, iat: nowSeconds(), exp: nowSeconds() + 600 })}.`).expect(401);
  });

  it('ends every access token of the account at once when refresh-token reuse is detected', async () => {
    const first = (await p.http().post('/api/auth/sign-in').send(TEST_ADMIN).expect(200)).body;
    const second = (await p.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    await me(first.accessToken).expect(200);
    await me(second.accessToken).expect(200);
    // Someone replays the rotated refresh token: the family is stolen, so none of its tokens may keep working.
    await p.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await me(first.accessToken).expect(401);
    await me(second.accessToken).expect(401);
    await p.http().post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    // Signing in again with the password gives working tokens.
    const again = (await p.http().post('/api/auth/sign-in').send(TEST_ADMIN).expect(200)).body;
    await me(again.accessToken).expect(200);
  });
});
