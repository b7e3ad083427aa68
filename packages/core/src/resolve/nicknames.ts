import { normaliseName } from './normalise';

/**
 * Given names and the short forms and spellings they are met under in UK records, so "Bill Jones"
 * and "William Jones" compare as the same given name. English and Welsh forms, and the anglicised
 * forms people from other countries often use in the UK, and family names as they are romanised
 * in different places (Zhang, Cheung; Nguyen, Win). Each line: the formal name, then its other
 * forms; a short form may be in several lines (Sam: Samuel, Samantha). Kept as data: add to it as
 * the team meets new ones.
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
david dave davy dai dafydd dawit
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
stephen steven steve stefan ștefan stephan steffan
susan sue susie suzanne zuzana zuza
thomas tom tommy tomasz tomas
timothy tim timmy
victoria vicky tori
william bill billy will willy liam
zachary zach zac
nathan nate
callum calum
kirsty kirstie
carys cerys
leanne lianne
hannah hana
alys alice
gentian genti
genc gents
erion erjon
klodian klodjan
marsel marcel
xhesika jessica
yonas yohannes johannes
tesfay tesfaye
filmon philemon
amanuel emmanuel
senait senayt
rahel rachel
mehret meheret
selam salam
ahmed ahmad ahmet
omar umar
abdallah abdullah abdulla
khalid khaled
ismail ismael
mustafa mostafa
hamza hamzah
tariq tarek
bashir basheer
salah salih
fatima fatimah fatma fatemeh
amina aminah
mariam maryam miriam
khadija khadijah
aisha aysha aicha
zainab zeinab
samira sameera
osman othman uthman
hassan hasan
adam adem
yagoub yacoub yaqub
suleiman sulayman
musa moussa
hossein hussein hosein
amir ameer
saeed said
hamid hameed
mehdi mahdi
zahra zara
leila layla
parwana parvana
freshta fereshteh
jawad javad
naveed navid
farid fareed
wahid waheed
ionut ion
dariusz darek
jakub kuba
wojciech wojtek
malgorzata gosia
katarzyna kasia
joanna asia
magdalena magda
aleksandra ola
agnieszka agnes
grzegorz greg
desislava desi
dimitar dimitri
hristo christo
rastislav rasto
olusegun segun
oluwaseun seun shaun
babatunde tunde
chukwuemeka emeka
adaeze ada
funmilayo funmi
rajesh raj
vikram vik
nguyen win
zhang chang cheung
wang wong
huang hoang wong
chen chan
liu lau
yang yeung
zhao chiu
wu ng
zhou chow
xu hsu
sun suen
lin lam
pham fam
xhafa dzhafa
hoxha hoxa hodja
ghebremedhin gebremedhin
`;

const CANONICAL = new Map<string, string>();
const GROUPS_OF = new Map<string, string[]>();
for (const line of GROUPS.trim().split('\n')) {
  const [formal, ...others] = line.trim().split(/\s+/).map(normaliseName);
  if (!formal) continue;
  for (const name of [formal, ...others]) {
    if (!CANONICAL.has(name)) CANONICAL.set(name, formal);
    const groups = GROUPS_OF.get(name) ?? [];
    if (!groups.includes(formal)) groups.push(formal);
    GROUPS_OF.set(name, groups);
  }
}

/** The formal names of every line a normalised name is in ("sam" → samuel, samantha); empty when unknown. */
export function nameGroups(name: string): readonly string[] {
  return GROUPS_OF.get(name) ?? NONE;
}
const NONE: readonly string[] = [];

/** The formal form of a normalised given name ("bill" → "william"), or the name itself. */
export function canonicalGivenName(name: string): string {
  return CANONICAL.get(name) ?? name;
}

/** Every known short form, for tests and the analyst's explanation. */
export function nicknameGroups(): ReadonlyMap<string, string> {
  return CANONICAL;
}
