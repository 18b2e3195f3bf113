// Synthetic newsroom workspaces for `npm run bench`: wire-style articles written from our own
// templates (invented people, places and agencies; no corpus text), 1–20 KB each, the same bytes
// for the same seed and count on every machine.
import * as fs from 'fs';
import * as path from 'path';

const GIVEN = [
  'Elena', 'Daniel', 'Marta', 'Tomasz', 'Ingrid', 'Kwame', 'Ayesha', 'Lucas', 'Sofia', 'Ravi', 'Hannah', 'Oleg', 'Greta', 'Mateo',
  'Amara', 'Pieter', 'Yusuf', 'Leila', 'Jonas', 'Camille', 'Dmitri', 'Nadia', 'Hugo', 'Ines', 'Farid', 'Astrid', 'Kenji', 'Lucia',
  'Bogdan', 'Mirela', 'Samuel', 'Zainab', 'Felix', 'Noor', 'Anton', 'Rosa', 'Tariq', 'Vera', 'Emil', 'Chiara', 'Kofi', 'Alina',
  'Rafael', 'Helga', 'Omar', 'Beatriz', 'Stefan', 'Maya', 'Viktor', 'Paula',
];
const SURNAME_START = ['Vas', 'Far', 'Lind', 'Mor', 'Kal', 'Bren', 'Ost', 'Dra', 'Hal', 'Kov', 'Pet', 'Rus', 'Sand', 'Tor', 'Vel', 'Zar', 'Ash', 'Bel', 'Cor', 'Dun', 'Ern', 'Gal', 'Har', 'Ivar', 'Jor', 'Lom', 'Nov', 'Quin', 'Sor', 'Wes'];
const SURNAME_END = ['sallo', 'rugia', 'qvist', 'enko', 'berg', 'ström', 'ovic', 'anu', 'etti', 'sen', 'wood', 'mann', 'ides', 'oglu', 'ez', 'ski', 'ova', 'ard', 'ley', 'ton'];
const ROLES = [
  'Transport Minister', 'Finance Minister', 'Deputy Foreign Minister', 'Council Leader', 'Mayor', 'union leader', 'spokeswoman',
  'spokesman', 'chief engineer', 'Health Minister', 'central bank governor', 'opposition leader', 'police chief', 'Prime Minister',
];
const ORGS = ['the Harbour Authority', 'the Valley Council', 'the Ministry of Transport', 'the Port Workers Union', 'the Central Bank', 'the Regional Court'];
const PLACES = ['KESTREL BAY', 'ASHFORD', 'NORTHVALE', 'PORT ELLIS', 'MARBURY', 'SALTMERE', 'CORRIN', 'DUNHAVEN', 'LISKARD', 'BRAYMOUTH', 'ORRINFORD', 'VELMAR'];
const AGENCIES = ['Harbour Wire', 'Riverline News', 'Coastal Press', 'Northern Desk'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TOPICS = ['the ferry strike', 'the dam repairs', 'the new budget', 'the port expansion', 'the rail timetable', 'the water tariff', 'the hospital closures', 'the fishing quotas', 'the bridge tolls', 'the school reforms'];
const QUOTES = [
  'We have made a fair offer and it stays on the table',
  'Nobody here wanted this, but we cannot wait any longer',
  'The numbers simply do not add up',
  'We will talk to every family before we spend a single pound',
  'This is a matter for the courts, not for the street',
  'I understand their anger and I share it',
  'The longer we wait, the more it will cost',
  'We are not asking for charity, we are asking for a partner',
  'Our members will decide on Thursday',
  'There is no plan B, and there never was',
  'It is too early to say what went wrong',
  'We expect the work to finish before the autumn rains',
];
const CUES = ['said', 'told reporters', 'said on Monday', 'told a news conference', 'said in a statement', 'added'];
const INDIRECT = [
  'the government would not reopen the agreement signed last year',
  'talks would resume next week',
  'engineers had found cracks in the spillway',
  'the budget would be balanced by the end of the decade',
  'his members had waited long enough',
  'the council would ask the regional government for help',
  'prices had risen by a third since the spring',
];
const FILLER = [
  'Passengers queued for hours at the north terminal before the last morning sailing was cancelled.',
  'The council will decide on Thursday whether to approve the extra spending.',
  'Traders at the harbour market said business had fallen sharply since the start of the month.',
  'The dispute is the longest since the crossing opened more than thirty years ago.',
  'Figures published last week showed that freight volumes had fallen for a third quarter in a row.',
  'Several hundred people gathered outside the town hall on Tuesday evening.',
  'The report, which runs to more than two hundred pages, has not yet been made public.',
  'Local newspapers have followed the story closely since the first closures in the spring.',
];

/** A small fast deterministic PRNG (mulberry32). */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  given: string;
  surname: string;
  role: string;
}

/** A pool of invented people shared by the workspace, so the same speaker recurs across articles. */
function peoplePool(random: () => number, size: number): Person[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const seen = new Set<string>();
  const out: Person[] = [];
  while (out.length < size) {
    const p = { given: pick(GIVEN), surname: pick(SURNAME_START) + pick(SURNAME_END), role: pick(ROLES) };
    const key = `${p.given} ${p.surname}`;
    if (seen.has(key) && seen.size < GIVEN.length * SURNAME_START.length * SURNAME_END.length / 2) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** One article of roughly `targetBytes` bytes. */
function article(random: () => number, pool: Person[], targetBytes: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const cast = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(pool));
  const topic = pick(TOPICS);
  const month = Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const year = 2015 + Math.floor(random() * 10);
  const yearless = random() < 0.2;
  const lead = cast[0];
  const parts: string[] = [];
  parts.push(`${lead.surname} defends ${topic.replace(/^the /, '')} as talks drag on`);
  parts.push(
    `${pick(PLACES)}, ${MONTHS[month]} ${day}${yearless ? '' : `, ${year}`} (${pick(AGENCIES)}) - ${lead.role[0].toUpperCase() + lead.role.slice(1)} ${lead.given} ${lead.surname} said on Monday that ${pick(INDIRECT)}, as the row over ${topic} entered its ${2 + Math.floor(random() * 9)}th week.`,
  );
  let bytes = parts.join('\n\n').length;
  const introduced = new Set<Person>([lead]);
  while (bytes < targetBytes) {
    const who = pick(cast);
    const name = introduced.has(who) ? who.surname : `${who.role} ${who.given} ${who.surname}`;
    introduced.add(who);
    const r = random();
    let paragraph: string;
    if (r < 0.3) paragraph = `“${pick(QUOTES)},” ${name} ${pick(CUES)}.`;
    else if (r < 0.45) paragraph = `“${pick(QUOTES)},” ${name} said. “${pick(QUOTES)}.”`;
    else if (r < 0.6) paragraph = `${name} said ${pick(INDIRECT)}.`;
    else if (r < 0.68) paragraph = `${name} told reporters that ${pick(INDIRECT)}, calling it “${pick(QUOTES).toLowerCase()}”.`;
    else if (r < 0.72) paragraph = `According to ${pick(ORGS)}, ${pick(INDIRECT)}.`;
    else if (r < 0.75) paragraph = `“${pick(QUOTES)}.”`;
    else paragraph = `${pick(FILLER)} ${pick(FILLER)}`;
    parts.push(paragraph);
    bytes += paragraph.length + 2;
  }
  return parts.join('\n\n') + '\n';
}

/** Article sizes: mostly 1–4 KB like wire copy, a long tail up to 20 KB; mean ≈ 2.5 KB. */
function articleSize(random: () => number, i: number): number {
  if (i % 500 === 7) return 20 * 1024 - 200;
  return Math.min(20 * 1024 - 200, 1024 + Math.floor(-Math.log(1 - random()) * 1450));
}

export interface GeneratedWorkspace {
  dir: string;
  files: string[];
  bytes: number;
}

/**
 * Writes `count` articles under `root/articles-<count>-<seed>` (reused when already complete)
 * and returns their paths. File i is the same for every count with the same seed.
 */
export function generateWorkspace(root: string, count: number, seed = 42): GeneratedWorkspace {
  const dir = path.join(root, `articles-${count}-s${seed}`);
  const manifest = path.join(dir, '.complete');
  const files: string[] = [];
  for (let i = 0; i < count; i++) files.push(path.join(dir, `${String(Math.floor(i / 1000)).padStart(3, '0')}`, `article-${String(i).padStart(6, '0')}.txt`));
  if (fs.existsSync(manifest)) {
    return { dir, files, bytes: Number(fs.readFileSync(manifest, 'utf8')) };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const pool = peoplePool(randomSource(seed), 1500);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const random = randomSource(seed * 1_000_003 + i);
    const text = article(random, pool, articleSize(random, i));
    fs.mkdirSync(path.dirname(files[i]), { recursive: true });
    fs.writeFileSync(files[i], text);
    bytes += Buffer.byteLength(text);
  }
  fs.writeFileSync(manifest, String(bytes));
  return { dir, files, bytes };
}

/** A 20 KB article for the edit benchmark (written separately, so it may be opened and edited). */
export function longArticle(seed = 42): string {
  const random = randomSource(seed * 7 + 1);
  return article(random, peoplePool(randomSource(seed), 1500), 20 * 1024 - 200);
}
