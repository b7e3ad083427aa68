import { normaliseName } from './normalise';

/**
 * Given names and the short forms and spellings they are met under in UK records, so "Bill Jones"
 * and "William Jones" compare as the same given name. English and Welsh forms, and the anglicised
 * forms people from other countries often use in the UK. Each line: the formal name, then its
 * other forms. Kept as data: add to it as the team meets new ones.
 */
const GROUPS = `
abdul abdel abd
abdulrahman abdelrahman abdurrahman
abigail abi abby abbie gail
alexander alex alec alastair alasdair sandy xander aleksandr oleksandr aleksander sasha
alexandra alex alexa sandra sasha
alfred alf alfie fred
andrew andy drew andrei andrey andrzej
angela angie
anthony tony antony anton
arthur art artie
barbara barb babs
benjamin ben benny benji
bernard bernie
catherine katherine kathryn katharine kate katie kathy cathy cath kat kitty
charles charlie chas chuck carl karl
charlotte lottie charlie
christina christine chris tina kristina
christopher chris kit topher kristof krzysztof
daniel dan danny
danielle dani
david dave davy dai dafydd
deborah debbie debs
dominic dom
donald don donny
dorothy dot dottie
edward ed eddie ted teddy ned
eleanor ellie nora elinor
elizabeth liz lizzie beth betty bet libby eliza lisa elisabeth elżbieta
emily em emmy
emma em
evan ifan ieuan
frances fran frankie
francis frank frankie
frederick fred freddie
gareth gaz gary
george georgie georgi georgy jorge jerzy
gerald gerry
gregory greg
harold harry hal
helen helena hellen ellen
henry harry hal hank
ibrahim ebrahim abraham
isabel isabella izzy bella isobel
jacob jake jakub
james jim jimmy jamie
jane janet jenny
jennifer jen jenny
jessica jess jessie
john jon johnny ioan ion ivan iwan
jonathan jon jonny
joseph joe joey jose jozef józef yousif yusuf youssef yosef
joshua josh
katherine kate katie kathy
kenneth ken kenny
lawrence larry laurence
leonard len lenny leo
luke lukasz łukasz luca lucas
margaret maggie meg peggy marge margo
matthew matt matty mateusz
megan meg
michael mike mick mickey micky mihai mihail michal michał
michaela mihaela micaela
mohammed muhammad mohamed mohamad mohammad mohd muhammed mehmet
nathaniel nathan nat
nicholas nick nicky nicolas
owain owen
patricia pat patty trish tricia
patrick pat paddy
paul pawel paweł pablo
peter pete piotr petr pietro
philip phil pip filip
rebecca becky becca
rhys rees reece reese
richard rick ricky dick rich
robert rob bob bobby robbie
ronald ron ronnie
samuel sam sammy
samantha sam sammy
sarah sara sally
sian siân shan
stephen steven steve stefan ștefan stephan
susan sue susie suzanne zuzana zuza
thomas tom tommy tomasz tomas
timothy tim timmy
victoria vicky tori
william bill billy will willy liam
zachary zach zac
`;

const CANONICAL = new Map<string, string>();
for (const line of GROUPS.trim().split('\n')) {
  const [formal, ...others] = line.trim().split(/\s+/).map(normaliseName);
  if (!formal) continue;
  for (const name of [formal, ...others]) if (!CANONICAL.has(name)) CANONICAL.set(name, formal);
}

/** The formal form of a normalised given name ("bill" → "william"), or the name itself. */
export function canonicalGivenName(name: string): string {
  return CANONICAL.get(name) ?? name;
}

/** Every known short form, for tests and the analyst's explanation. */
export function nicknameGroups(): ReadonlyMap<string, string> {
  return CANONICAL;
}
