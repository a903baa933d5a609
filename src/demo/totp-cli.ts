import { demoTotpCode } from './accounts.ts';

// `npm run demo:totp -- <e-mail>`: the current second-factor code of a demo account.
const email = process.argv[2];
const code = email ? await demoTotpCode(email, new Date()) : null;
if (!code) {
  console.error('Usage : npm run demo:totp -- <e-mail d’un compte de démonstration avec second facteur>');
  process.exit(1);
}
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${code}  (valable encore ${secondsLeft} s)`);
