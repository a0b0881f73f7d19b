/**
 * Make the scrypt hash of Tend's password, so the password itself need not be stored anywhere.
 *
 * Usage: npm run hash-password              prompts (input hidden), prints TEND_PASSWORD_HASH=...
 *        npm run hash-password -- --save    also saves it as passwordHash in <data folder>/auth.json (mode 0600)
 *        echo "$PW" | npm run --silent hash-password   reads the first line of standard input when it is not a terminal
 * Exit codes: 0 done, 1 failed (empty or mismatched password), 2 bad arguments.
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { authFilePath, writeAuthFile } from '../lib/auth/config';
import { hashPassword } from '../lib/auth/password';

const HELP = `Usage: npm run hash-password [-- --save]
  Prompts for a password (twice, hidden) and prints TEND_PASSWORD_HASH=<scrypt hash> for your environment.
  --save  also store it in ${authFilePath()} (read by npm start; TEND_PASSWORD/TEND_PASSWORD_HASH win over it).
  Reads the first line of standard input instead when it is not a terminal.`;

/** Ask on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      process.stdout.write('\n');
      rl.close();
      resolve(answer);
    });
  });
}

async function firstStdinLine(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  let values: { save?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { save: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  let password: string;
  if (process.stdin.isTTY) {
    password = await askHidden('New Tend password: ');
    if ((await askHidden('Same password again: ')) !== password) {
      console.error('the two passwords differ: nothing changed');
      return 1;
    }
  } else password = await firstStdinLine();
  if (password.length < 8) {
    console.error('use a password of at least 8 characters (a passphrase of four or more words is better)');
    return 1;
  }
  const hash = hashPassword(password);
  if (values.save) {
    writeAuthFile({ passwordHash: hash });
    console.error(`saved to ${authFilePath()}; restart Tend to use it (everyone is signed out)`);
  }
  console.log(`TEND_PASSWORD_HASH=${hash}`);
  return 0;
}

main().then((code) => process.exit(code));
