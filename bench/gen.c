/*
 * gen.c — td_benchgen: writes a deterministic corpus of invented news-wire
 * stories for benchmarking tidings.
 *
 *   td_benchgen [--seed N] [--mb M] [--format wire|jsonl] [-o FILE]
 *
 * The stories are built from templates and word lists in this file, so the
 * text has what wire copy has: datelines in several agency styles, quotes
 * (straight and curly), attribution, numbers, dates, abbreviations and
 * titles, possessives, hyphenated words and now and then a name or a place
 * written with non-ASCII letters. Every official, news agency, institute
 * and quote is invented; the countries, towns and international bodies
 * (U.N., EU, OSCE) are real.
 *
 * The same seed and size give the same bytes on every machine: the only
 * source of randomness is the splitmix64 generator below, and a smaller
 * corpus is a prefix (story by story) of a larger one with the same seed.
 */
#include "../src/core/core.h" /* the calendar */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define LIST(a) (a), N_OF(a)

/* ---- Random numbers: splitmix64 ------------------------------------------ */

static uint64_t rng_state;

static uint64_t rng_next(void) {
  uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned rng_below(size_t n) {
  return (unsigned)(((rng_next() >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static int rng_range(int lo, int hi) {
  return lo + (int)rng_below((size_t)(hi - lo + 1));
}

/* True with probability p percent. */
static int rng_pct(unsigned p) { return rng_below(100) < p; }

#define PICK(a) ((a)[rng_below(N_OF(a))])

/* ---- A growable byte buffer ---------------------------------------------- */

typedef struct gbuf {
  char *p;
  size_t n, cap;
} gbuf;

static void gb_reserve(gbuf *b, size_t extra) {
  if (b->n + extra <= b->cap)
    return;
  size_t c = b->cap ? b->cap : 4096;
  while (c < b->n + extra)
    c *= 2;
  char *q = realloc(b->p, c);
  if (!q) {
    fputs("td_benchgen: out of memory\n", stderr);
    exit(1);
  }
  b->p = q;
  b->cap = c;
}

static void gb_add(gbuf *b, const char *s, size_t n) {
  gb_reserve(b, n);
  memcpy(b->p + b->n, s, n);
  b->n += n;
}

static void gb_puts(gbuf *b, const char *s) { gb_add(b, s, strlen(s)); }

static void gb_putc(gbuf *b, char c) {
  gb_reserve(b, 1);
  b->p[b->n++] = c;
}

static void gb_int(gbuf *b, long v) {
  char t[32];
  int k = snprintf(t, sizeof(t), "%ld", v);
  gb_add(b, t, (size_t)k);
}

/* 1960 -> "1,960". */
static void gb_commas(gbuf *b, long v) {
  char t[32];
  int k = snprintf(t, sizeof(t), "%ld", v);
  for (int i = 0; i < k; i++) {
    if (i > 0 && (k - i) % 3 == 0)
      gb_putc(b, ',');
    gb_putc(b, t[i]);
  }
}

/* ---- Calendar -------------------------------------------------------------- */

/* 0 = Sunday. */
static int weekday_of(long z) { return (int)(((z % 7) + 11) % 7); }

static const char *const month_full[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
/* Agency style: some months abbreviated, with a period. */
static const char *const month_ap[12] = {"Jan.", "Feb.", "March", "April",
                                         "May",  "June", "July",  "Aug.",
                                         "Sept.", "Oct.", "Nov.", "Dec."};
/* Dateline style of some wires: abbreviated, no period. */
static const char *const month_short[12] = {"Jan", "Feb", "March", "April",
                                            "May", "June", "July", "Aug",
                                            "Sept", "Oct", "Nov", "Dec"};
static const char *const weekdays[7] = {"Sunday",   "Monday", "Tuesday",
                                        "Wednesday", "Thursday", "Friday",
                                        "Saturday"};

/* ---- Places -------------------------------------------------------------- */

enum {
  R_CAUCASUS,
  R_CASIA,
  R_EEUROPE,
  R_BALKANS,
  R_MIDEAST,
  R_AFRICA,
  R_ASIA,
  R_LATAM,
  R_COUNT
};

typedef struct country {
  const char *name, *adj;
  int region;
  const char *towns[7]; /* the capital first; NULL after the last */
} country;

static const country countries[] = {
    {"Azerbaijan", "Azerbaijani", R_CAUCASUS,
     {"Baku", "Ganja", "Sumgait", "Lankaran", "Shusha", "Khojaly", NULL}},
    {"Georgia", "Georgian", R_CAUCASUS,
     {"Tbilisi", "Batumi", "Kutaisi", "Gori", "Zugdidi", "Telavi", NULL}},
    {"Armenia", "Armenian", R_CAUCASUS,
     {"Yerevan", "Gyumri", "Vanadzor", "Goris", "Kapan", "Ijevan", NULL}},
    {"Kazakhstan", "Kazakh", R_CASIA,
     {"Astana", "Almaty", "Shymkent", "Aktau", "Karaganda", "Oral", NULL}},
    {"Kyrgyzstan", "Kyrgyz", R_CASIA,
     {"Bishkek", "Osh", "Batken", "Karakol", "Jalal-Abad", "Naryn", NULL}},
    {"Tajikistan", "Tajik", R_CASIA,
     {"Dushanbe", "Khujand", "Isfara", "Kulob", "Bokhtar", NULL}},
    {"Uzbekistan", "Uzbek", R_CASIA,
     {"Tashkent", "Samarkand", "Bukhara", "Namangan", "Nukus", "Fergana",
      NULL}},
    {"Ukraine", "Ukrainian", R_EEUROPE,
     {"Kyiv", "Kharkiv", "Odesa", "Dnipro", "Lviv", "Zaporizhzhia", NULL}},
    {"Moldova", "Moldovan", R_EEUROPE,
     {"Chisinau", "Balti", "Cahul", "Orhei", "Ungheni", NULL}},
    {"Romania", "Romanian", R_EEUROPE,
     {"Bucharest", "Cluj-Napoca", "Constanta", "Galati", "Suceava", NULL}},
    {"Poland", "Polish", R_EEUROPE,
     {"Warsaw", "Krakow", "Gdansk", "Wroclaw", "Lublin", "Rzeszow", NULL}},
    {"Lithuania", "Lithuanian", R_EEUROPE,
     {"Vilnius", "Kaunas", "Klaipeda", "Siauliai", "Panevezys", NULL}},
    {"Latvia", "Latvian", R_EEUROPE,
     {"Riga", "Daugavpils", "Liepaja", "Jelgava", "Rezekne", NULL}},
    {"Serbia", "Serbian", R_BALKANS,
     {"Belgrade", "Novi Sad", "Nis", "Loznica", "Kragujevac", "Sabac", NULL}},
    {"Bosnia and Herzegovina", "Bosnian", R_BALKANS,
     {"Sarajevo", "Mostar", "Tuzla", "Zvornik", "Bijeljina", "Banja Luka",
      NULL}},
    {"Croatia", "Croatian", R_BALKANS,
     {"Zagreb", "Split", "Rijeka", "Osijek", "Zadar", "Vukovar", NULL}},
    {"Albania", "Albanian", R_BALKANS,
     {"Tirana", "Durres", "Shkoder", "Vlore", "Elbasan", NULL}},
    {"Bulgaria", "Bulgarian", R_BALKANS,
     {"Sofia", "Plovdiv", "Varna", "Burgas", "Ruse", NULL}},
    {"North Macedonia", "Macedonian", R_BALKANS,
     {"Skopje", "Bitola", "Ohrid", "Tetovo", "Kumanovo", NULL}},
    {"Turkey", "Turkish", R_MIDEAST,
     {"Ankara", "Istanbul", "Izmir", "Gaziantep", "Antalya", "Hatay", NULL}},
    {"Lebanon", "Lebanese", R_MIDEAST,
     {"Beirut", "Tripoli", "Sidon", "Tyre", "Baalbek", NULL}},
    {"Jordan", "Jordanian", R_MIDEAST,
     {"Amman", "Irbid", "Zarqa", "Aqaba", "Mafraq", NULL}},
    {"Iraq", "Iraqi", R_MIDEAST,
     {"Baghdad", "Basra", "Mosul", "Erbil", "Kirkuk", "Najaf", NULL}},
    {"Kenya", "Kenyan", R_AFRICA,
     {"Nairobi", "Mombasa", "Kisumu", "Garissa", "Nakuru", "Eldoret", NULL}},
    {"Ethiopia", "Ethiopian", R_AFRICA,
     {"Addis Ababa", "Gondar", "Mekelle", "Dire Dawa", "Bahir Dar", NULL}},
    {"Sudan", "Sudanese", R_AFRICA,
     {"Khartoum", "Port Sudan", "El Fasher", "Kassala", "Omdurman", NULL}},
    {"Nigeria", "Nigerian", R_AFRICA,
     {"Abuja", "Lagos", "Kano", "Maiduguri", "Ibadan", "Jos", NULL}},
    {"Ghana", "Ghanaian", R_AFRICA,
     {"Accra", "Kumasi", "Tamale", "Cape Coast", "Ho", NULL}},
    {"Indonesia", "Indonesian", R_ASIA,
     {"Jakarta", "Surabaya", "Medan", "Makassar", "Padang", NULL}},
    {"Bangladesh", "Bangladeshi", R_ASIA,
     {"Dhaka", "Chittagong", "Sylhet", "Khulna", "Rangpur", NULL}},
    {"Nepal", "Nepali", R_ASIA,
     {"Kathmandu", "Pokhara", "Biratnagar", "Janakpur", NULL}},
    {"Peru", "Peruvian", R_LATAM,
     {"Lima", "Arequipa", "Cusco", "Piura", "Puno", NULL}},
    {"Ecuador", "Ecuadorian", R_LATAM,
     {"Quito", "Guayaquil", "Cuenca", "Manta", "Esmeraldas", NULL}},
    {"Bolivia", "Bolivian", R_LATAM,
     {"La Paz", "Santa Cruz", "Cochabamba", "Sucre", "Oruro", NULL}},
};

/* Cities whose names need letters beyond ASCII: upper-case form for
 * datelines, and the country. */
typedef struct na_place {
  const char *name, *caps, *country;
} na_place;

static const na_place na_places[] = {
    {"Zürich", "ZÜRICH", "Switzerland"},
    {"Malmö", "MALMÖ", "Sweden"},
    {"Kraków", "KRAKÓW", "Poland"},
    {"Gdańsk", "GDAŃSK", "Poland"},
    {"Łódź", "ŁÓDŹ", "Poland"},
    {"Reykjavík", "REYKJAVÍK", "Iceland"},
    {"Bogotá", "BOGOTÁ", "Colombia"},
    {"São Paulo", "SÃO PAULO", "Brazil"},
    {"Chișinău", "CHIȘINĂU", "Moldova"},
    {"Tromsø", "TROMSØ", "Norway"},
    {"Plzeň", "PLZEŇ", "Czech Republic"},
    {"Düsseldorf", "DÜSSELDORF", "Germany"},
    {"Timișoara", "TIMIȘOARA", "Romania"},
    {"Niš", "NIŠ", "Serbia"},
    {"Gəncə", "GƏNCƏ", "Azerbaijan"},
    {"Šiauliai", "ŠIAULIAI", "Lithuania"},
    {"Liepāja", "LIEPĀJA", "Latvia"},
    {"Vlorë", "VLORË", "Albania"},
    {"Mérida", "MÉRIDA", "Mexico"},
    {"Brașov", "BRAȘOV", "Romania"},
};

/* ---- People -------------------------------------------------------------- */

static const char *const male_names[] = {
    "Arman",  "Ruslan", "Nodar",  "Giorgi",  "Levan",  "Aram",    "Timur",
    "Bakyt",  "Farrukh", "Oleksandr", "Vasile", "Mihai", "Dragan", "Adnan",
    "Goran",  "Erion",  "Petar",  "Mehmet",  "James",  "Samuel",  "Tesfaye",
    "Omar",   "Karim",  "Ahmed",  "Budi",    "Rahim",  "Ramesh",  "Carlos",
    "Diego",  "Andrius", "Janis", "Piotr",   "Daniel", "Thomas",  "Emeka",
    "Kwame",  "Yusuf",  "Tariq",  "Hamid",   "Anton",  "Viktor",  "Marko",
    "Luka",   "Sergiu", "Rustam", "Azamat",  "Davit",  "Tigran",  "Elchin",
    "Rashad", "Edwin",  "Hugo",   "Felix",   "Nikolai"};
static const char *const female_names[] = {
    "Dana",    "Tamara", "Nino",    "Lusine",  "Aliya",   "Aigerim", "Dilnoza",
    "Iryna",   "Milena", "Selma",   "Ana",     "Blerta",  "Ayse",    "Grace",
    "Amina",   "Hiwot",  "Layla",   "Rania",   "Noor",    "Siti",    "Farzana",
    "Sita",    "Lucia",  "Valeria", "Ruta",    "Ilze",    "Katarzyna", "Sarah",
    "Maria",   "Elena",  "Gulnara", "Madina",  "Natalia", "Olga",    "Jelena",
    "Mirela",  "Fatima", "Zeynep",  "Adaeze",  "Abena",   "Mariam",  "Anahit",
    "Leyla",   "Sevinj", "Kateryna", "Ioana",  "Agnieszka", "Laura", "Clara",
    "Esther"};
static const char *const surnames[] = {
    "Karimov",   "Beridze",   "Hakobyan",  "Nurlanov", "Osmonov",
    "Rahimov",   "Tursunov",  "Kovalenko", "Lupu",     "Petrovic",
    "Hadzic",    "Novak",     "Hoxha",     "Dimitrov", "Yildiz",
    "Ochieng",   "Bekele",    "Haddad",    "Khalil",   "Saleh",
    "Santoso",   "Rahman",    "Shrestha",  "Quispe",   "Mendoza",
    "Kazlauskas", "Ozols",    "Kowalski",  "Brennan",  "Whitfield",
    "Harrow",    "Calloway",  "Mercer",    "Lindgren", "Vasquez",
    "Okafor",    "Mensah",    "Gelashvili", "Abashidze", "Sargsyan",
    "Mammadov",  "Huseynov",  "Abenov",    "Sadykov",  "Nazarov",
    "Yusupov",   "Bondarenko", "Melnyk",   "Rusu",     "Ciobanu",
    "Marinescu", "Jovanovic", "Begic",     "Kovac",    "Krasniqi",
    "Georgiev",  "Arslan",    "Demir",     "Wanjiru",  "Tadesse",
    "Mansour",   "Nasser",    "Wijaya",    "Hossain",  "Gurung",
    "Flores",    "Rojas",     "Paulauskas", "Liepa",   "Zielinski",
    "Okonkwo",   "Asante",    "Abdullahi", "Farouk",   "Stone",
    "Ashworth",  "Brandt",    "Vaitkus",   "Orlov",    "Sokolin"};
static const char *const na_first[] = {
    "Kənan",  "Şəhla",  "Aygün",  "Đorđe",   "Zoë",   "Šarūnas", "Jürgen",
    "Ömer",   "Çağla",  "Łukasz", "Małgorzata", "Žarko", "Dušan", "Mihály",
    "Søren",  "Björn",  "Agnès",  "José",    "Inés",  "Ștefan",  "Răzvan",
    "Gülnarə", "Tõnu",  "Māris",  "Jūratė",  "Zdeněk", "Bożena", "Íñigo",
    "Hülya",  "Anaïs",  "Renée",  "Noémi"};
static const char *const na_last[] = {
    "Məmmədli", "Həsənova", "Ilić",     "Kovačević", "Jović",    "Öztürk",
    "Yılmaz",   "Wiśniewski", "Żukowski", "Kalniņš", "Bērziņa",  "Dvořák",
    "Horváth",  "Sørensen", "Müller",   "Álvarez",   "Peña",     "Țurcanu",
    "Šimić",    "Grünwald", "Łęcki",    "Văduva",    "Əliyeva",  "Čolak",
    "Núñez",    "Dąbrowska", "Lõhmus",  "Håkansson"};

/* ---- Agencies (all invented) ---------------------------------------------- */

enum {
  DL_TASS,     /* BAKU, May 15. /Caspian Wire/.            */
  DL_REGION,   /* KHOJALY, Azerbaijan, May 15.             */
  DL_REUTERS,  /* TBILISI, March 4 (Meridian) -            */
  DL_AP,       /* NAIROBI, Kenya (Halcyon Press) —         */
  DL_PLAIN,    /* ALMATY —                                 */
  DL_TITLE,    /* Riga, 4 March /Amber Coast News/.        */
  DL_REUTERS2, /* ODESA, Ukraine, Sept. 14 (Tidewater Wire) – */
  DL_COUNT
};

enum { DS_FULL, DS_AP, DS_BRIT }; /* how dates are written in the text */
enum { Q_STRAIGHT, Q_CURLY, Q_CURLY_STRAIGHT_APOS };

typedef struct agency {
  const char *name;
  int region, dateline, datestyle, quotes;
  int honor;  /* "Mr. Karimov" on later mentions */
  int phrase; /* ", Northgate News Service reports." closes the lead */
  int pctword; /* "12 percent" rather than "12%" */
  const char *boiler;
} agency;

static const agency agencies[] = {
    {"Caspian Wire", R_CAUCASUS, DL_TASS, DS_FULL, Q_CURLY, 0, 0, 0,
     "Follow Caspian Wire on Telegram for the latest news."},
    {"Meridian", R_BALKANS, DL_REUTERS, DS_AP, Q_STRAIGHT, 0, 0, 1,
     "(Reporting by {NAME}; Editing by {NAME})"},
    {"Halcyon Press", R_AFRICA, DL_AP, DS_AP, Q_STRAIGHT, 0, 0, 1,
     "Copyright {YEAR} Halcyon Press. All rights reserved."},
    {"Northgate News Service", R_EEUROPE, DL_REGION, DS_FULL, Q_CURLY, 1, 1,
     0, "Stay up to date with the latest news from Northgate News Service."},
    {"Amber Coast News", R_EEUROPE, DL_TITLE, DS_BRIT, Q_CURLY_STRAIGHT_APOS, 0,
     0, 0,
     "Subscribe to our newsletter for a daily digest of news from the Baltic "
     "region."},
    {"Steppe Courier", R_CASIA, DL_PLAIN, DS_FULL, Q_STRAIGHT, 0, 0, 0,
     "Join Steppe Courier on WhatsApp for breaking news from Central Asia."},
    {"Tidewater Wire", R_MIDEAST, DL_REUTERS2, DS_AP, Q_CURLY, 0, 0, 0,
     "Keep up to date with Tidewater Wire on Telegram and X."},
    {"Balkan Ledger", R_BALKANS, DL_REUTERS, DS_FULL, Q_STRAIGHT, 1, 0, 0,
     "(Writing by {NAME}; editing by {NAME})"},
    {"Andes Daily Wire", R_LATAM, DL_AP, DS_AP, Q_STRAIGHT, 0, 0, 1,
     "(Reporting by {NAME} in {CITY}; additional reporting by {NAME})"},
    {"Lotus Bay News", R_ASIA, DL_REUTERS, DS_FULL, Q_CURLY, 0, 0, 0,
     "Follow Lotus Bay News on X for breaking news."},
};

/* ---- Institutions ---------------------------------------------------------- */

static const char *const orgs[] = {
    "the United Nations",
    "the U.N. Security Council",
    "the European Union",
    "the International Committee of the Red Cross",
    "the World Bank",
    "the International Monetary Fund",
    "the OSCE",
    "the U.S. State Department",
    "the Council of Europe",
    "the U.N. refugee agency",
    "the European Commission",
    "the U.N. Secretary-General{'}s office",
};
static const char *const insts[] = {
    "Centre for Regional Studies",
    "Institute for Strategic Analysis",
    "Eastern Policy Forum",
    "Harrowgate Institute",
    "Centre for Security and Cooperation Studies",
    "Institute for Economic Research",
    "Foundation for Democratic Governance",
    "Bridgewell Centre for Conflict Studies",
};
static const char *const banks[] = {"Harbourline Capital", "Northway Securities",
                                    "Silverstrand Bank", "Kestrel Partners",
                                    "Alder & Finch Research"};

/* ---- Topics ---------------------------------------------------------------- */

enum { K_CIVIL, K_RANK, K_TITLE }; /* how a person is named again */

typedef struct role {
  const char *pre;   /* before the name: "Foreign Minister", "Col." */
  const char *appos; /* after the name, between commas, or NULL     */
  int kind;
} role;

typedef struct topic {
  const char *const *heads;
  size_t nheads;
  const char *const *stmts; /* a leading ! means "carries its attribution" */
  size_t nstmts;
  const char *const *quotes;
  size_t nquotes;
  const char *const *partials;
  size_t npartials;
  const char *const *backs;
  size_t nbacks;
  const char *const *things;
  size_t nthings;
  const char *const *mods;
  size_t nmods;
  const role *roles;
  size_t nroles;
  const char *ministry;
} topic;

/* Conflict. */
static const char *const war_heads[] = {
    "{C} says {N} soldiers killed in border clash with {C2}",
    "{CA} and {C2A} forces trade fire near {T}, ceasefire under strain",
    "{C} accuses {C2} of shelling villages near {T}",
    "U.N. urges restraint after deadly clashes on {CA}-{C2A} border",
    "Drone strike hits fuel depot in {T}, officials say",
    "{CA} defence ministry reports overnight attacks along front line",
    "Civilians flee {T} as cross-border shelling intensifies",
    "{C} vows {Q}decisive response{/Q} after attack on border post",
};
static const char *const war_stmts[] = {
    "{CA} forces shelled positions near the village of {T} overnight, "
    "killing {N} soldiers and wounding {N} others",
    "at least {N} civilians were killed and {NH} homes damaged when "
    "artillery fire hit residential areas of {T}",
    "the fighting broke out shortly after midnight along a {AGE}-kilometre "
    "stretch of the border and continued until the early hours of {WD}",
    "{C2} denied the accusation and said its troops had only returned fire "
    "after coming under attack from {CA} positions",
    "a drone struck a fuel depot on the outskirts of {T}, setting off a fire "
    "that burned for several hours",
    "{N} servicemen were taken to hospital in {CITY} with shrapnel wounds, "
    "several of them in a serious condition",
    "{ORG} called on both sides to exercise maximum restraint and to return to "
    "the negotiating table",
    "residents of front-line villages spent the night in basements as the "
    "shelling intensified",
    "!military observers recorded {NH} violations of the truce in the past "
    "week alone, the highest number since {YR}, according to a report "
    "published on {WD}",
    "{PP} said {C2A} troops had used heavy artillery and mortars against "
    "civilian infrastructure",
    "satellite images published by a private firm showed new trenches and "
    "armoured vehicles about {N} kilometres from {T}",
    "!the {MIN} published video footage that it said showed the destruction "
    "of a {C2A} command post",
    "schools in {T} and nearby villages were closed for the rest of the week "
    "as a precaution",
    "a {AGE}-year-old woman was killed when a shell hit her house in {T}, and "
    "her two grandchildren were injured",
    "the {MIN}{'}s press service said {NS} long-range missiles had been shot "
    "down over the region",
    "the border crossing at {T} was closed to all traffic, leaving hundreds "
    "of lorries stranded on both sides",
    "!the {MIN} said {NS} of its soldiers had been killed and {N} wounded in "
    "what it called an unprovoked attack on its positions near {T}",
    "!local officials said electricity and gas supplies to {N} villages had "
    "been cut after shells damaged a substation",
    "mediators from {C3} were trying to arrange a meeting of military "
    "commanders from both sides at the border",
    "the {C2A} side said one of its drones had been shot down over its own "
    "territory and accused {C} of escalating the conflict",
    "ambulances took the wounded to the regional hospital in {T}, where "
    "doctors said several of them needed urgent surgery",
};
static const char *const war_quotes[] = {
    "We will not allow anyone to threaten the security of our citizens",
    "Our forces acted strictly in line with the ceasefire agreement and fired "
    "only at military targets",
    "This is a deliberate provocation, and the other side bears full "
    "responsibility for the consequences",
    "The shelling lasted almost four hours and nobody in the village slept",
    "We call on our international partners to give a clear assessment of "
    "what happened",
    "There is no military solution to this conflict",
    "We heard the first explosions at around two in the morning",
    "Nobody has told us when we can go back home",
    "We don{'}t want war, but we will defend every metre of our land",
    "Every night we hear the guns, and every morning we count the damage",
    "Our soldiers showed courage and professionalism, and the enemy suffered "
    "heavy losses",
    "We are ready to investigate every incident jointly, but the other side "
    "refuses",
    "Civilians must never be a target, whoever fires the first shot",
};
static const char *const war_partials[] = {
    "a gross violation of international humanitarian law",
    "an act of open aggression",
    "a provocation that will not go unanswered",
    "a dangerous escalation",
    "a cynical attempt to derail the peace process",
};
static const char *const war_backs[] = {
    "The two countries fought a six-week war in {YR} that killed more than "
    "{NB} people on both sides",
    "A ceasefire brokered by {ORG} in {YR} has largely held, although "
    "sporadic clashes along the line of contact have killed dozens of soldiers",
    "Talks on delimiting the {NH}-kilometre border have made little progress "
    "since they began in {YR}",
    "The ceasefire agreed on {FD}, has been violated repeatedly, with both "
    "sides blaming each other for the breaches",
    "The region has been contested since the collapse of the Soviet Union, and "
    "tens of thousands of people were displaced by the fighting in the early "
    "1990s",
    "Both governments have spent heavily on drones and artillery since the "
    "last war, and military spending in {C} has almost tripled since {YR}",
    "More than {NB} people displaced by earlier fighting still live in "
    "temporary housing near {T}",
};
static const char *const war_things[] = {"the attack", "the shelling",
                                         "the incident", "the strike"};
static const char *const war_mods[] = {
    ", despite repeated calls for restraint from {ORG}",
    " in the {DIR} of the country",
    " in the border district",
    " near the village of {T}",
};
static const role war_roles[] = {
    {"Defence Ministry spokesperson", NULL, K_CIVIL},
    {"Col.", "a spokesperson for the Defence Ministry", K_RANK},
    {"Maj. Gen.", "the commander of the border troops", K_RANK},
    {"Lt. Gen.", "the chief of the general staff", K_RANK},
    {"Foreign Minister", NULL, K_CIVIL},
    {NULL, "the head of the {T} district administration", K_CIVIL},
    {NULL, "a military analyst at the {INST} in {CAP}", K_CIVIL},
    {"Dr.", "the chief doctor at the {T} district hospital", K_TITLE},
    {"Lt.", "an officer with the border guard service", K_RANK},
};

/* Natural disasters. */
static const char *const dis_heads[] = {
    "Floods force thousands from homes in {C}",
    "Death toll from {C} floods rises to {N}",
    "{CA} authorities evacuate villages as river bursts its banks near {T}",
    "Magnitude {MAG} earthquake shakes {T}, damaging hundreds of buildings",
    "Wildfires rage near {T} as heatwave grips {C}",
    "Landslide buries homes in {C}{'}s {DIR}, {N} missing",
    "{C} declares state of emergency after storms cut power to {NB} homes",
};
static const char *const dis_stmts[] = {
    "days of torrential rain caused rivers to burst their banks across the "
    "{DIR} of the country, flooding more than {NB} homes",
    "rescue teams evacuated {NB} people from villages around {T} on {WD}, "
    "most of them elderly residents who had refused to leave earlier",
    "the death toll rose to {N} after rescuers recovered {NS} more bodies "
    "from the rubble",
    "!a magnitude {MAG} earthquake struck {N} kilometres south-west of {T} at a "
    "depth of {N} kilometres, according to the national seismology centre",
    "more than {NH} schools, hospitals and public buildings were damaged, and "
    "power was cut to {NB} households",
    "the government declared a state of emergency in {NS} provinces and "
    "allocated {MON} for relief work",
    "water levels on the river at {T} reached {NH} centimetres on {WD}, the "
    "highest since records began in {YR}",
    "about {PCT} of the region{'}s farmland is under water, threatening the "
    "autumn harvest",
    "emergency workers used boats and helicopters to reach villages cut off "
    "by landslides",
    "!{ORG} said it was sending tents, blankets and drinking water to the "
    "affected areas",
    "forecasters warned that more rain was expected over the weekend, raising "
    "the risk of new flash floods",
    "the authorities opened {N} temporary shelters in sports halls and schools "
    "in {T}",
    "a {AGE}-year-old man drowned when his car was swept off a bridge near {T}",
    "firefighters backed by water-dropping aircraft were battling {N} separate "
    "blazes in forests around {T}",
    "damage to roads, bridges and power lines was estimated at {MON}",
    "the river peaked at {T} on {WD} night before slowly starting to recede",
    "volunteers filled sandbags through the night to protect the old town "
    "and the main hospital",
    "the national railway suspended services on the line between {CAP} and "
    "{T} after a section of track was washed away",
    "!the interior ministry said {N} people were still missing and that the "
    "search would continue through the night",
    "about {NM} people live in the {NS} provinces hit by the floods, and "
    "aid agencies said at least {NB} of them needed emergency help",
};
static const char *const dis_quotes[] = {
    "The water came up so fast that we had no time to take anything with us",
    "Our priority now is to make sure that nobody is left without shelter, "
    "food or medical care",
    "We have never seen anything like this in my lifetime",
    "All the services are working around the clock",
    "The dams are holding, but the next forty-eight hours will be critical",
    "We lost everything, the house, the animals, the harvest",
    "It{'}s a miracle that more people weren{'}t killed",
    "We are doing everything we can, but the scale of this disaster is "
    "enormous",
    "Nobody came to help us for two days, so we rescued our neighbours "
    "ourselves",
    "The forecast for the next few days is not good",
    "The government will compensate every family that lost its home",
};
static const char *const dis_partials[] = {
    "the worst natural disaster in decades",
    "a race against time",
    "a national tragedy",
    "a warning we cannot ignore",
};
static const char *const dis_backs[] = {
    "The region was hit by similar floods in {YR}, when {N} people died and "
    "damage was estimated at {MON}",
    "Scientists say climate change is making extreme rainfall more frequent "
    "and more intense across the region",
    "The country lies in a seismically active zone, and a quake in {YR} killed "
    "more than {NH} people",
    "Critics have long accused the authorities of failing to maintain flood "
    "defences built in the 1970s and 1980s",
    "A national early-warning system, funded by a loan from the World Bank, "
    "was due to be completed in {YR} but is still not working",
    "Heavy rain in late spring is common in the mountains, but meteorologists "
    "said this year{'}s totals were more than three times the average",
};
static const char *const dis_things[] = {"the situation", "the damage",
                                         "the response", "the flooding"};
static const char *const dis_mods[] = {
    ", according to preliminary figures",
    " in the {DIR} of the country",
    ", as water levels continued to rise",
    " in and around {T}",
};
static const role dis_roles[] = {
    {"Emergency Situations Minister", NULL, K_CIVIL},
    {NULL, "head of the regional civil protection service", K_CIVIL},
    {NULL, "the mayor of {T}", K_CIVIL},
    {"Dr.", "director of the national hydrometeorological service", K_TITLE},
    {"Col.", "who leads the rescue operation in {T}", K_RANK},
    {NULL, "a farmer from a village near {T}", K_CIVIL},
    {"Health Minister", NULL, K_CIVIL},
    {NULL, "a spokesperson for the Red Cross in {CAP}", K_CIVIL},
};

/* Elections and politics. */
static const char *const pol_heads[] = {
    "{CA} ruling party leads in early results of parliamentary election",
    "Opposition in {C} alleges fraud as vote count continues",
    "{C} president dissolves parliament, calls snap election for {SD}",
    "Turnout reaches {PCTHI} in {CA} presidential vote",
    "{CA} parliament approves new government after weeks of deadlock",
    "Observers say {C} vote was competitive but marred by pressure on voters",
    "{CA} prime minister resigns amid coalition row",
};
static const char *const pol_stmts[] = {
    "!with ballots from {PCTHI} of polling stations counted, the ruling party "
    "had {PCTHI} of the vote, the Central Election Commission said",
    "turnout stood at {PCTHI} two hours before polls closed, slightly higher "
    "than in the previous election in {YR}",
    "the main opposition bloc said its observers had recorded more than {NH} "
    "violations, including ballot stuffing and pressure on voters",
    "international observers are expected to present their preliminary "
    "findings in {CAP} on {WD}",
    "{N} parties and {N} independent candidates are competing for the {NH} "
    "seats in the single-chamber parliament",
    "several thousand opposition supporters gathered outside the election "
    "commission building in {CAP} late on {WD}",
    "the ruling party has governed the country since {YR} and has promised to "
    "continue its programme of economic reforms",
    "the opposition candidate conceded defeat in a televised address and "
    "congratulated the winner",
    "the ruling party{'}s candidate, a former finance minister, campaigned on "
    "promises to raise pensions and fight corruption",
    "polling stations opened at 8 a.m. and were due to close at 8 p.m., with "
    "results expected early on {WD}",
    "about {NB} observers, most of them from local civic groups, monitored "
    "the vote",
    "a run-off between the two leading candidates is scheduled for {SD}",
    "the new cabinet includes {NS} women, among them the country{'}s first "
    "female defence minister",
    "the coalition collapsed after the junior partner quit over a "
    "controversial pension reform",
    "parliament approved the new government by {N} votes to {N}, ending "
    "{NS} weeks of political deadlock",
    "pro-government television channels gave the ruling party almost {PCT} "
    "of their airtime during the campaign",
};
static const char *const pol_quotes[] = {
    "The people have made their choice, and we will respect it",
    "These were not free and fair elections, and we will challenge the "
    "results in court",
    "Our observers saw buses bringing the same voters to several polling "
    "stations",
    "This government will be a government of all citizens, not of one party",
    "We{'}re not going anywhere, and we will be back in four years",
    "The campaign was competitive, but the playing field was far from level",
    "Every vote will be counted, and every complaint will be examined",
    "We have the evidence, and we will present it to the commission",
    "Young people came out to vote in numbers we have not seen before",
};
static const char *const pol_partials[] = {
    "the most transparent election in our history",
    "a farce",
    "a turning point for the country",
    "a vote that was free but not fair",
};
static const char *const pol_backs[] = {
    "The country held its last parliamentary election in {YR}, when the ruling "
    "party won a two-thirds majority",
    "Opposition parties boycotted the previous vote, saying the rules "
    "favoured the incumbents",
    "Parliament adopted a new electoral code on {FD}, replacing the "
    "first-past-the-post system with proportional representation",
    "The post-election crisis of {YR} ended only after weeks of street "
    "protests and the mediation of {ORG}",
    "The president, who is limited to two five-year terms, is not allowed to "
    "run again",
    "Turnout has fallen at every national election since {YR}, when almost "
    "{PCTHI} of registered voters cast a ballot",
};
static const char *const pol_things[] = {"the vote", "the result",
                                         "the campaign", "the election"};
static const char *const pol_mods[] = {
    ", according to preliminary results",
    " in {CAP} and several other cities",
    ", according to the election commission",
};
static const role pol_roles[] = {
    {"Prime Minister", NULL, K_CIVIL},
    {NULL, "the leader of the main opposition party", K_CIVIL},
    {NULL, "chairman of the Central Election Commission", K_CIVIL},
    {"Prof.", "a political scientist at the state university in {CAP}",
     K_TITLE},
    {"President", NULL, K_CIVIL},
    {NULL, "head of the international observer mission", K_CIVIL},
    {"Parliament Speaker", NULL, K_CIVIL},
};

/* Economy and energy. */
static const char *const eco_heads[] = {
    "{CA} central bank raises key rate to {PCT} to curb inflation",
    "{C} and {C2} sign deal on new gas pipeline",
    "{CA} economy grew {PCT} in first half, statistics office says",
    "{C} secures {MON} loan for power grid upgrade",
    "Fuel prices in {C} hit record as currency slides",
    "{CA} state energy firm posts {PCT} rise in profit",
    "U.S. investors eye {CA} mining sector as reforms take hold",
};
static const char *const eco_stmts[] = {
    "the central bank raised its key interest rate by {BP} basis points to "
    "{PCT}, the third increase this year",
    "annual inflation accelerated to {PCT} in {MONTH} from {PCT} a month "
    "earlier, driven mainly by food and fuel prices",
    "the pipeline, which will carry up to {NS} billion cubic metres of gas a "
    "year, is due to be completed by {FYR}",
    "gross domestic product grew by {PCT} year-on-year in the first six "
    "months, helped by strong construction and services",
    "the national currency has lost about {PCT} of its value against the "
    "U.S. dollar since January",
    "the loan, worth {MON}, will be used to modernise {NB} kilometres of power "
    "lines and build {N} substations",
    "exports of agricultural products rose to {MON} in the first quarter, "
    "with most shipments going to {C2}",
    "the government plans to cut the budget deficit to {PCT} of GDP next year "
    "by reducing energy subsidies",
    "!analysts polled by {AG} had expected a smaller increase",
    "the company, which employs about {NB} people, said it would invest {MON} "
    "in a new plant near {T}",
    "the state-owned company shipped its first cargo of liquefied natural gas "
    "to the U.S.",
    "remittances from workers abroad, which account for nearly {PCT} of "
    "GDP, fell sharply in the second quarter",
    "wheat prices at the {T} commodity exchange rose {PCT} in a single week",
    "the finance ministry sold {MON} of five-year bonds at an average yield "
    "of {PCT}",
    "the government{'}s budget for next year assumes an oil price of ${N} a "
    "barrel and growth of {PCT}",
    "the state energy company said gas output rose {PCT} to {NS} billion "
    "cubic metres in the first nine months",
    "!the statistics office said unemployment fell to {PCT} in the third "
    "quarter, the lowest level on record",
    "foreign direct investment reached {MON} last year, most of it in "
    "energy, mining and telecommunications",
};
static const char *const eco_quotes[] = {
    "Price stability remains our main objective, and we are ready to act "
    "further if needed",
    "This project will strengthen energy security not only for our two "
    "countries but for the whole region",
    "The worst of the inflation shock is behind us",
    "Households are already feeling the pressure, and the government must "
    "act quickly",
    "We expect growth to slow in the second half as external demand weakens",
    "Investors want predictable rules, and that{'}s what we are offering",
    "The fundamentals of our economy are strong",
    "Interest rates will stay high for as long as it takes to bring "
    "inflation down",
    "We cannot rely on energy exports forever",
};
static const char *const eco_partials[] = {
    "a historic milestone",
    "too little, too late",
    "a reason for cautious optimism",
    "the right decision at the right time",
};
static const char *const eco_backs[] = {
    "The economy contracted by {PCT} in 2020 as the coronavirus pandemic shut "
    "down trade and tourism",
    "Energy accounts for about {PCT} of the country{'}s exports and nearly "
    "half of government revenue",
    "The central bank moved to a floating exchange rate in {YR} after "
    "spending billions of dollars defending the currency",
    "The two governments first discussed the pipeline in {YR}, but the "
    "project stalled over a dispute about transit fees",
    "Inflation peaked at more than {PCTHI} in 2022 after the war in Ukraine "
    "drove up food and energy prices across the region",
    "The government has promised to privatise {NS} state-owned companies by "
    "the end of {FYR}, but the programme has repeatedly been delayed",
};
static const char *const eco_things[] = {"the decision", "the deal",
                                         "the outlook", "the budget"};
static const char *const eco_mods[] = {
    ", according to data from the state statistics committee",
    ", the fastest pace in more than a year",
    ", in line with market expectations",
    " compared with the same period last year",
};
static const role eco_roles[] = {
    {"Finance Minister", NULL, K_CIVIL},
    {NULL, "governor of the central bank", K_CIVIL},
    {"Energy Minister", NULL, K_CIVIL},
    {NULL, "an economist at {BANK}", K_CIVIL},
    {NULL, "chief executive of the state energy company", K_CIVIL},
    {"Dr.", "a senior fellow at the {INST} in {CAP}", K_TITLE},
    {"Economy Minister", NULL, K_CIVIL},
};

/* Diplomacy. */
static const char *const dip_heads[] = {
    "{C} and {C2} exchange prisoners in deal mediated by {C3}",
    "{CA} foreign minister visits {CAP2} for talks on border deal",
    "{C} and {C2} agree to resume direct flights after {NS}-year pause",
    "U.N. envoy says talks between {C} and {C2} make progress",
    "{CA} president hosts {C2A} counterpart, signs {N} agreements",
    "{C} recalls ambassador from {C2} over {Q}unacceptable{/Q} remarks",
};
static const char *const dip_stmts[] = {
    "the two sides exchanged {N} detainees at a crossing point on the border "
    "on {WD}, in a deal mediated by {C3}",
    "the agreements cover trade, transport, energy and cultural exchanges, as "
    "well as cooperation in fighting organised crime",
    "a joint commission will meet in {CAP2} next month to continue work on "
    "the delimitation of the border",
    "direct flights between {CAP} and {CAP2} will resume on {SD} after a "
    "pause of {NS} years",
    "the talks, which lasted more than {N} hours, were held behind closed "
    "doors",
    "!{ORG} welcomed the exchange and urged both sides to build on it",
    "the visit is the first by a {CA} head of state to {C2} since {YR}",
    "the two leaders also discussed the situation in the region and agreed "
    "to meet again before the end of the year",
    "{C} summoned the {C2A} ambassador to protest against what it called "
    "interference in its internal affairs",
    "the foreign ministers of {C} and {C2} met on the sidelines of a "
    "regional summit in {CAP3}",
    "{PP} handed over a written proposal for a peace treaty, which the other "
    "side promised to study",
    "a so-called road map drawn up by the mediators sets out {NS} stages for "
    "normalising relations",
    "the two presidents laid wreaths at a memorial in {CAP2} before sitting "
    "down for talks that lasted most of the day",
    "the detainees, who included {NS} civilians, were handed over in the "
    "presence of representatives of the Red Cross",
    "!the {MIN} said the ambassador had been summoned to receive a formal "
    "note of protest",
    "{C3} has offered to host the next round of talks, which diplomats said "
    "could take place as early as {SD}",
};
static const char *const dip_quotes[] = {
    "Today{'}s agreement shows that dialogue is the only way forward",
    "We have agreed on the main principles, and now our experts must work "
    "out the details",
    "There are still difficult questions, but the atmosphere was "
    "constructive",
    "We are grateful to our partners in {C3} for their mediation",
    "No one should expect a breakthrough overnight",
    "Our doors remain open, but dialogue must be based on mutual respect",
    "This is not the end of the process, it is the beginning",
    "We expect our neighbours to honour the commitments they made",
};
static const char *const dip_partials[] = {
    "a new chapter",
    "constructive and frank",
    "a step in the right direction",
    "an unacceptable interference in our internal affairs",
};
static const char *const dip_backs[] = {
    "Relations between the two neighbours have been tense since {YR}, when a "
    "dispute over water resources led to deadly clashes",
    "The two countries established diplomatic relations in 1992 but have yet "
    "to agree on large sections of their common border",
    "A previous round of talks, held in {CAP3} on {FD}, ended without "
    "agreement",
    "{C3} has mediated between the two sides since {YR} and hosted "
    "several rounds of talks between their foreign ministers",
    "Trade between the two countries fell to {MON} last year, less than half "
    "its level a decade ago",
};
static const char *const dip_things[] = {"the talks", "the meeting",
                                         "the agreement", "the visit"};
static const char *const dip_mods[] = {
    ", according to a joint statement issued after the talks",
    " in {CAP3}",
    ", diplomats said",
    " during a two-day visit",
};
static const role dip_roles[] = {
    {"Foreign Minister", NULL, K_CIVIL},
    {"Deputy Foreign Minister", NULL, K_CIVIL},
    {NULL, "the U.N. special envoy for the region", K_CIVIL},
    {"President", NULL, K_CIVIL},
    {NULL, "a spokesperson for the Foreign Ministry", K_CIVIL},
    {"Ambassador", NULL, K_CIVIL},
    {"Dr.", "a former diplomat who teaches at the {INST}", K_TITLE},
};

/* Protests and courts. */
static const char *const pro_heads[] = {
    "Police detain dozens at anti-government protest in {CAP}",
    "Thousands rally in {CITY} against new media law",
    "{CA} court jails opposition activist for {NS} years",
    "Trial of former {CA} minister opens in {CAP}",
    "{CA} parliament passes {Q}foreign agents{/Q} bill despite protests",
    "Rights groups condemn crackdown on protesters in {C}",
};
static const char *const pro_stmts[] = {
    "police detained at least {N} people as several thousand protesters "
    "marched towards the parliament building in {CAP}",
    "the demonstrators chanted slogans against the government and demanded "
    "the resignation of the interior minister",
    "riot police used tear gas and water cannon to disperse a crowd that had "
    "blocked the main avenue for several hours",
    "the court sentenced former deputy minister {NAME} to {NS} years in "
    "prison on charges of abuse of office and money laundering",
    "the court sentenced opposition activist {NAME} to {NS} years in prison "
    "on charges of organising mass unrest",
    "the protesters dispersed peacefully shortly after midnight, but "
    "organisers said they would gather again on {WD}",
    "journalists covering the rally said they were pushed and beaten by "
    "masked men in plain clothes",
    "the prosecutor asked for a sentence of {N} years, saying the defendant "
    "had caused losses of {MON} to the state budget",
    "the defence said it would appeal against the verdict, which it described "
    "as politically motivated",
    "the law, which parliament passed in a third reading on {WD}, requires "
    "media outlets that receive more than {PCT} of their funding from abroad "
    "to register as foreign agents",
    "!at least {N} police officers were injured in the clashes, the interior ministry "
    "said",
    "human rights groups said {NH} people had been detained since the protests "
    "began {NS} weeks ago",
    "the former minister, who has been in custody since {FD}, denies all the "
    "charges against him",
    "the next hearing was scheduled for {SD}",
    "a {AGE}-year-old student was among those detained, according to his "
    "lawyer",
    "the protesters set up tents outside the government headquarters and "
    "vowed to stay until their demands were met",
    "a petition against the law has gathered {NM} signatures in less than a "
    "month, according to the organisers",
};
static const char *const pro_quotes[] = {
    "We will keep coming back to the streets until our demands are met",
    "The police acted within the law and used force only when the protesters "
    "attacked them",
    "This verdict was written long before the trial began",
    "Peaceful protest is a fundamental right and must be respected",
    "They can arrest us, but they can{'}t arrest an idea",
    "I was beaten in the police van and nobody told me why I had been "
    "detained",
    "The law is aimed at transparency, not at silencing anyone",
    "We will take this case to the European Court of Human Rights",
};
static const char *const pro_partials[] = {
    "a dark day for justice",
    "a disproportionate use of force",
    "an attempt to intimidate the opposition",
    "a witch-hunt",
};
static const char *const pro_backs[] = {
    "The protests began after the government suspended talks on joining the "
    "European Union",
    "Rights groups have long accused the authorities of using the courts to "
    "silence critics",
    "A similar law was withdrawn in {YR} after mass demonstrations in {CAP}",
    "The opposition says more than {NH} of its members are in prison on "
    "charges it calls fabricated",
    "Parliament is dominated by the ruling party, which holds {NH} of the "
    "seats after an election that the opposition boycotted",
};
static const char *const pro_things[] = {"the verdict", "the crackdown",
                                         "the law", "the arrests"};
static const char *const pro_mods[] = {
    ", despite a heavy police presence",
    " outside the court building in {CAP}",
    ", witnesses said",
    ", according to the organisers",
};
static const role pro_roles[] = {
    {"Interior Minister", NULL, K_CIVIL},
    {NULL, "a lawyer for the defendants", K_CIVIL},
    {NULL, "one of the protest organisers", K_CIVIL},
    {"Judge", NULL, K_CIVIL},
    {NULL, "the director of a local human rights group", K_CIVIL},
    {"Prosecutor General", NULL, K_CIVIL},
    {"Col.", "a spokesperson for the city police", K_RANK},
};

#define TOPIC(p, ministry)                                                     \
  {LIST(p##_heads),    LIST(p##_stmts), LIST(p##_quotes), LIST(p##_partials),  \
   LIST(p##_backs),    LIST(p##_things), LIST(p##_mods),  LIST(p##_roles),     \
   ministry}

static const topic topics[] = {
    TOPIC(war, "Defence Ministry"),      TOPIC(dis, "Emergency Situations Ministry"),
    TOPIC(pol, "Central Election Commission"), TOPIC(eco, "Economy Ministry"),
    TOPIC(dip, "Foreign Ministry"),      TOPIC(pro, "Interior Ministry"),
};

/* ---- Shared phrases ---------------------------------------------------------- */

static const char *const generic_stmts[] = {
    "the government will hold an emergency meeting in {CAP} on {WD} to "
    "discuss the situation",
    "!{ORG} said it was ready to provide assistance if asked",
    "the authorities have not yet given a full account of what happened",
    "!the U.S. State Department said it was following events closely and "
    "urged all sides to avoid steps that could escalate tensions",
    "a delegation led by {PP} is expected to travel to {CAP2} next week",
    "{PP}{'}s office said further details would be released in the coming "
    "days",
};
static const char *const time_mods[] = {
    " on {WD}",       " late on {WD}",     " earlier this week", " last week",
    " on {SD}",       " earlier this month", " at around {TIME}", " overnight",
    " early on {WD}", " last month",
};
static const char *const attributions[] = {
    ", the {MIN} said",
    ", the {MIN} said in a statement",
    ", officials said",
    ", {PP} told reporters",
    ", {PP} told reporters in {CITY}",
    ", {PP} said",
    ", according to {SRC}",
    ", a {AG} correspondent reported",
    ", local media reported",
    ", the {MIN} said on {WD}",
    ", {PP} said in a statement posted on social media",
};
static const char *const sources[] = {
    "the {MIN}",
    "local officials",
    "a statement from the presidential administration",
    "figures released by the state statistics committee",
    "{ORG}",
    "preliminary estimates by the government",
    "witnesses",
    "a senior official who spoke on condition of anonymity",
    "the regional governor{'}s office",
    "{PP}",
};
static const char *const quote_followups[] = {
    "That is all I can say for now",
    "We have said this many times",
    "The facts speak for themselves",
    "Our position has not changed",
    "We will see what happens in the coming days",
    "I want to thank everyone who helped",
    "People here are tired and afraid",
    "There is still a lot of work to do",
    "Nobody should be surprised by this",
    "We will not give up",
};
static const char *const questions[] = {
    "Who is going to pay for all this",
    "How can we talk about peace when our villages are being shelled",
    "Why did nobody warn us",
    "What guarantees do we have that this will not happen again",
    "Where were the authorities when we needed them",
};
static const char *const said_verbs[] = {
    "said", "said", "said", "told reporters", "added", "told {AG}",
    "said on {WD}", "told a news conference in {CITY}",
};
static const char *const na_roles[] = {
    "an analyst at the {INST} in {NAP}",
    "a researcher based in {NAP}",
    "a resident of {T}",
    "a volunteer with a local aid group",
    "a former diplomat who now teaches in {NAP}",
    "a spokesperson for the {ORGSHORT} office in {NAP}",
    "a lawyer representing several of the families",
    "a shop owner in {T}",
};
static const char *const orgs_short[] = {"U.N.", "EU", "OSCE", "World Bank",
                                         "Red Cross"};
static const char *const directions[] = {
    "north", "south", "east", "west", "north-east", "north-west",
    "south-east", "south-west"};
static const char *const small_numbers[] = {"two", "three", "four", "five",
                                            "six", "seven", "eight", "nine"};

/* ---- A story being written ---------------------------------------------- */

typedef struct person {
  char name[96]; /* "Nodar Beridze", "Anna K. Petrova" */
  char last[64];
  const char *pre, *appos;
  int kind, female, mentioned;
} person;

typedef struct story {
  long day; /* story date, days since 1970 */
  int y, m, d;
  const agency *ag;
  const topic *tp;
  const country *c, *c2, *c3;
  const char *town;     /* where it happened */
  const char *city;     /* dateline city */
  const char *city_up;  /* its upper-case form when not ASCII */
  const char *dl_region; /* country named in the dateline, if any */
  person cast[4];
  int ncast;
  const char *ministry;
  const char *used[64]; /* templates already used in this story */
  int nused;
} story;

static void expand(story *st, gbuf *b, const char *t);

static const char *apos(const story *st) {
  return st->ag->quotes == Q_CURLY ? "\xE2\x80\x99" : "'";
}

static const char *quote_open(const story *st) {
  return st->ag->quotes == Q_STRAIGHT ? "\"" : "\xE2\x80\x9C";
}

static const char *quote_close(const story *st) {
  return st->ag->quotes == Q_STRAIGHT ? "\"" : "\xE2\x80\x9D";
}

static size_t ntowns(const country *c) {
  size_t n = 0;
  while (n < N_OF(c->towns) && c->towns[n])
    n++;
  return n;
}

static const country *country_in(int region, const country *not1,
                                  const country *not2) {
  for (;;) {
    const country *c = &countries[rng_below(N_OF(countries))];
    if (c == not1 || c == not2)
      continue;
    if (region < 0 || c->region == region || rng_pct(3))
      return c;
  }
}

/* "September 27", "Sept. 27", "27 September", with the year if y > 0. */
static void put_date(const story *st, gbuf *b, int y, int m, int d) {
  int style = st->ag->datestyle;
  if (style == DS_BRIT) {
    gb_int(b, d);
    gb_putc(b, ' ');
    gb_puts(b, month_full[m - 1]);
    if (y > 0) {
      gb_putc(b, ' ');
      gb_int(b, y);
    }
    return;
  }
  gb_puts(b, style == DS_AP ? month_ap[m - 1] : month_full[m - 1]);
  gb_putc(b, ' ');
  gb_int(b, d);
  if (y > 0) {
    gb_puts(b, ", ");
    gb_int(b, y);
  }
}

/* A percentage, usually in [lo, hi], now and then up to 68. */
static void put_pct(const story *st, gbuf *b, int lo, int hi) {
  int v = rng_pct(80) ? rng_range(lo, hi) : rng_range(1, 68);
  gb_int(b, v);
  if (rng_pct(40)) {
    gb_putc(b, '.');
    gb_int(b, rng_range(1, 9));
  }
  gb_puts(b, st->ag->pctword ? " percent" : "%");
}

static void put_money(gbuf *b) {
  static const char *const units[] = {" million", " million", " billion"};
  static const char *const local[] = {" million euros", " million dollars",
                                      " billion dinars", " million manat",
                                      " billion tenge", " million lari"};
  int r = rng_below(100);
  if (r < 75)
    gb_puts(b, r < 45 ? "$" : "\xE2\x82\xAC"); /* € */
  gb_int(b, rng_range(1, 950));
  if (rng_pct(35)) {
    gb_putc(b, '.');
    gb_int(b, rng_range(1, 9));
  }
  gb_puts(b, r < 75 ? units[rng_below(N_OF(units))] : PICK(local));
}

/* A name with letters beyond ASCII. */
static void put_na_name(gbuf *b) {
  if (rng_pct(50)) {
    gb_puts(b, PICK(na_first));
    gb_putc(b, ' ');
    gb_puts(b, rng_pct(60) ? PICK(na_last) : PICK(surnames));
  } else {
    gb_puts(b, rng_pct(50) ? PICK(male_names) : PICK(female_names));
    gb_putc(b, ' ');
    gb_puts(b, PICK(na_last));
  }
}

static void make_person(story *st, person *p, const role *r) {
  p->female = rng_pct(45);
  const char *first = p->female ? PICK(female_names) : PICK(male_names);
  int tries = 0;
  for (;;) {
    const char *last = PICK(surnames);
    size_t n = strlen(last);
    snprintf(p->last, sizeof(p->last), "%s%s", last,
             p->female && n > 2 && (!strcmp(last + n - 2, "ov") ||
                                    !strcmp(last + n - 2, "ev"))
                 ? "a"
                 : "");
    int clash = 0;
    for (int i = 0; i < st->ncast; i++)
      clash |= !strcmp(st->cast[i].last, p->last);
    if (!clash || ++tries > 5)
      break;
  }
  char initial[4] = {0};
  if (rng_pct(6)) { /* a middle initial: "Anna K. Petrova" */
    initial[0] = (char)('A' + (int)rng_below(26));
    initial[1] = '.';
    initial[2] = ' ';
  }
  char last[sizeof(p->last)];
  memcpy(last, p->last, sizeof(last));
  snprintf(p->name, sizeof(p->name), "%s %s%s", first, initial, last);
  p->pre = r->pre;
  p->appos = r->appos;
  p->kind = r->kind;
  p->mentioned = 0;
}

/* A member of the cast; the full name and title the first time, the
 * surname (with rank or courtesy title in some styles) after. */
static void put_person(story *st, gbuf *b, int i, int appos_ok) {
  person *p = &st->cast[i];
  if (!p->mentioned) {
    p->mentioned = 1;
    if (p->pre) {
      gb_puts(b, p->pre);
      gb_putc(b, ' ');
    }
    gb_puts(b, p->name);
    if (appos_ok && p->appos) {
      gb_puts(b, ", ");
      expand(st, b, p->appos);
      gb_putc(b, ',');
    }
    return;
  }
  if ((p->kind == K_RANK && rng_pct(50)) || p->kind == K_TITLE) {
    gb_puts(b, p->pre);
    gb_putc(b, ' ');
  } else if (st->ag->honor) {
    gb_puts(b, p->female ? "Ms. " : "Mr. ");
  }
  gb_puts(b, p->last);
}

static void put_caps(gbuf *b, const char *s) {
  for (; *s; s++)
    gb_putc(b, *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s);
}

/* Makes "a" before the text just written at `at` "an" when the text is
 * spoken with a vowel first: "an Ethiopian", "an 18-year-old", but "a
 * U.N. envoy", "a Ukrainian". */
static void fix_article(gbuf *b, size_t at) {
  if (at < 2 || at >= b->n || b->p[at - 1] != ' ' ||
      (b->p[at - 2] != 'a' && b->p[at - 2] != 'A'))
    return;
  if (at >= 3) {
    char c = b->p[at - 3];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      return;
  }
  const char *w = b->p + at;
  size_t n = b->n - at;
  int an = strchr("AEIOaeio", w[0]) != NULL ||
           (w[0] == 'U' && n > 1 && w[1] != '.' && w[1] != 'k') || w[0] == '8' ||
           (n >= 2 && w[0] == '1' && (w[1] == '1' || w[1] == '8') &&
            (n == 2 || w[2] < '0' || w[2] > '9'));
  if (!an)
    return;
  gb_putc(b, 0);
  memmove(b->p + at, b->p + at - 1, b->n - at);
  b->p[at - 1] = 'n';
}

/* Expands the {SLOTS} of template t. */
static void expand(story *st, gbuf *b, const char *t) {
  if (*t == '!')
    t++;
  while (*t) {
    const char *o = strchr(t, '{');
    if (!o) {
      gb_puts(b, t);
      return;
    }
    gb_add(b, t, (size_t)(o - t));
    const char *c = strchr(o, '}');
    if (!c) {
      fprintf(stderr, "td_benchgen: bad template: %s\n", o);
      exit(2);
    }
    char key[16];
    size_t kn = (size_t)(c - o - 1);
    if (kn >= sizeof(key)) {
      fprintf(stderr, "td_benchgen: bad slot in template: %s\n", o);
      exit(2);
    }
    memcpy(key, o + 1, kn);
    key[kn] = 0;
    t = c + 1;
    size_t at = b->n;
    int ok = 1;
    switch (key[0]) {
    case '\'': gb_puts(b, apos(st)); break;
    case 'Q': gb_puts(b, quote_open(st)); break;
    case '/': gb_puts(b, quote_close(st)); break;
    case 'A':
      if (!strcmp(key, "AG"))
        gb_puts(b, st->ag->name);
      else if (!strcmp(key, "AGE"))
        gb_int(b, rng_range(16, 84));
      else
        ok = 0;
      break;
    case 'B':
      if (!strcmp(key, "BP"))
        gb_int(b, 25 * rng_range(1, 6));
      else if (!strcmp(key, "BANK"))
        gb_puts(b, PICK(banks));
      else
        ok = 0;
      break;
    case 'C':
      if (!strcmp(key, "C"))
        gb_puts(b, st->c->name);
      else if (!strcmp(key, "C2"))
        gb_puts(b, st->c2->name);
      else if (!strcmp(key, "C3"))
        gb_puts(b, st->c3->name);
      else if (!strcmp(key, "CA"))
        gb_puts(b, st->c->adj);
      else if (!strcmp(key, "C2A"))
        gb_puts(b, st->c2->adj);
      else if (!strcmp(key, "CAP"))
        gb_puts(b, st->c->towns[0]);
      else if (!strcmp(key, "CAP2"))
        gb_puts(b, st->c2->towns[0]);
      else if (!strcmp(key, "CAP3"))
        gb_puts(b, st->c3->towns[0]);
      else if (!strcmp(key, "CITY"))
        gb_puts(b, st->city);
      else
        ok = 0;
      break;
    case 'D':
      if (!strcmp(key, "DIR"))
        gb_puts(b, PICK(directions));
      else
        ok = 0;
      break;
    case 'F':
      if (!strcmp(key, "FD")) { /* a date some years back */
        /* One call a statement: the order of evaluation of arguments is
         * unspecified, and the output must not depend on the compiler. */
        int y = rng_range(2008, st->y - 1);
        int m = rng_range(1, 12);
        int d = rng_range(1, 28);
        put_date(st, b, y, m, d);
      } else if (!strcmp(key, "FYR")) {
        gb_int(b, st->y + rng_range(1, 4));
      } else {
        ok = 0;
      }
      break;
    case 'I':
      if (!strcmp(key, "INST"))
        gb_puts(b, PICK(insts));
      else
        ok = 0;
      break;
    case 'M':
      if (!strcmp(key, "MIN"))
        gb_puts(b, st->ministry);
      else if (!strcmp(key, "MON"))
        put_money(b);
      else if (!strcmp(key, "MAG")) {
        gb_int(b, rng_range(4, 7));
        gb_putc(b, '.');
        gb_int(b, rng_range(0, 9));
      } else if (!strcmp(key, "MONTH")) {
        int m = st->m - 1 - (int)rng_below(2);
        gb_puts(b, month_full[(m + 12) % 12]);
      } else {
        ok = 0;
      }
      break;
    case 'N':
      if (!strcmp(key, "N"))
        gb_int(b, rng_range(2, 48));
      else if (!strcmp(key, "NS"))
        gb_puts(b, PICK(small_numbers));
      else if (!strcmp(key, "NM")) { /* "3.5 million" */
        gb_int(b, rng_range(1, 9));
        gb_putc(b, '.');
        gb_int(b, rng_range(1, 9));
        gb_puts(b, " million");
      } else if (!strcmp(key, "NH"))
        gb_int(b, rng_range(100, 990));
      else if (!strcmp(key, "NB"))
        gb_commas(b, rng_range(1000, 64000));
      else if (!strcmp(key, "NAME")) {
        gb_puts(b, rng_pct(50) ? PICK(male_names) : PICK(female_names));
        gb_putc(b, ' ');
        gb_puts(b, PICK(surnames));
      } else if (!strcmp(key, "NA"))
        put_na_name(b);
      else if (!strcmp(key, "NAP"))
        gb_puts(b, PICK(na_places).name);
      else
        ok = 0;
      break;
    case 'O':
      if (!strcmp(key, "ORG"))
        expand(st, b, PICK(orgs));
      else if (!strcmp(key, "ORGSHORT"))
        gb_puts(b, PICK(orgs_short));
      else
        ok = 0;
      break;
    case 'P':
      if (!strcmp(key, "PP"))
        put_person(st, b, (int)rng_below((size_t)st->ncast), 0);
      else if (!strcmp(key, "PCT"))
        put_pct(st, b, 1, 15);
      else if (!strcmp(key, "PCTHI"))
        put_pct(st, b, 35, 78);
      else
        ok = 0;
      break;
    case 'S':
      if (!strcmp(key, "SP"))
        put_person(st, b, (int)rng_below((size_t)st->ncast), 1);
      else if (!strcmp(key, "SD")) { /* a date near the story date */
        int y, m, d;
        td_civil_from_days(st->day + rng_range(-20, 40), &y, &m, &d);
        put_date(st, b, 0, m, d);
      } else if (!strcmp(key, "SRC"))
        expand(st, b, PICK(sources));
      else
        ok = 0;
      break;
    case 'T':
      if (!strcmp(key, "T"))
        gb_puts(b, st->town);
      else if (!strcmp(key, "TIME")) {
        int r = rng_below(3);
        if (r == 0) {
          gb_int(b, rng_range(1, 12));
          gb_puts(b, rng_pct(50) ? " a.m." : " p.m.");
        } else if (r == 1) {
          gb_int(b, rng_range(1, 12));
          gb_puts(b, rng_pct(50) ? ":30 a.m." : ":15 p.m.");
        } else {
          char tmp[16];
          int h = rng_range(0, 23);
          int mi = 5 * rng_range(0, 11);
          snprintf(tmp, sizeof(tmp), "%02d%02d GMT", h, mi);
          gb_puts(b, tmp);
        }
      } else {
        ok = 0;
      }
      break;
    case 'W':
      if (!strcmp(key, "WD"))
        gb_puts(b, weekdays[weekday_of(st->day - rng_range(0, 2))]);
      else
        ok = 0;
      break;
    case 'Y':
      if (!strcmp(key, "YR"))
        gb_int(b, rng_range(1994, st->y - 2));
      else if (!strcmp(key, "YEAR"))
        gb_int(b, st->y);
      else
        ok = 0;
      break;
    default: ok = 0; break;
    }
    if (!ok) {
      fprintf(stderr, "td_benchgen: unknown slot {%s}\n", key);
      exit(2);
    }
    fix_article(b, at);
  }
}

/* ---- Sentences ------------------------------------------------------------ */

static size_t words_since(const gbuf *b, size_t from) {
  size_t w = 1;
  for (size_t i = from; i < b->n; i++)
    w += b->p[i] == ' ';
  return w;
}

/* Upper-cases the first letter at or after `from`, past opening quotes. */
static void capitalize(gbuf *b, size_t from) {
  size_t i = from;
  while (i < b->n) {
    unsigned char c = (unsigned char)b->p[i];
    if (c == '"' || c == '(' || c == '\'')
      i++;
    else if (c == 0xE2 && i + 2 < b->n && (unsigned char)b->p[i + 1] == 0x80 &&
             ((unsigned char)b->p[i + 2] == 0x9C ||
              (unsigned char)b->p[i + 2] == 0x98))
      i += 3;
    else
      break;
  }
  if (i < b->n && b->p[i] >= 'a' && b->p[i] <= 'z')
    b->p[i] = (char)(b->p[i] - 'a' + 'A');
}

/* Ends a sentence with a period unless it already has one ("U.S."). */
static void end_sentence(gbuf *b) {
  if (b->n == 0 || b->p[b->n - 1] != '.')
    gb_putc(b, '.');
}

/* A template from list[0..n) that this story has not used yet, if one is
 * found quickly; with `plain`, one without a leading '!' (no attribution
 * of its own). */
static const char *pick_fresh(story *st, const char *const *list, size_t n,
                              int plain) {
  const char *s = list[0];
  for (int tries = 0; tries < 12; tries++) {
    s = list[rng_below(n)];
    if (plain && (s[0] == '!' || strstr(s, " said")))
      continue;
    int seen = 0;
    for (int i = 0; i < st->nused && !seen; i++)
      seen = st->used[i] == s;
    if (seen && tries < 8)
      continue;
    if (!seen && st->nused < (int)N_OF(st->used))
      st->used[st->nused++] = s;
    return s;
  }
  return plain ? generic_stmts[0] : s;
}

/* A statement: from the topic mostly. */
static const char *pick_stmt(story *st, int plain) {
  if (rng_pct(90))
    return pick_fresh(st, st->tp->stmts, st->tp->nstmts, plain);
  return pick_fresh(st, generic_stmts, N_OF(generic_stmts), plain);
}

/* Adds a time or circumstance to a short statement made from template t. */
static void add_mod(story *st, gbuf *b, size_t s0, size_t target,
                    const char *t) {
  if (t[0] == '!' || words_since(b, s0) + 3 > target)
    return;
  int has_time = strstr(t, "{WD}") || strstr(t, "{SD}") || strstr(t, "{FD}") ||
                 strstr(t, "week") || strstr(t, "month") ||
                 strstr(t, "night") || strstr(t, "year");
  if (!has_time && rng_pct(65))
    expand(st, b, PICK(time_mods));
  else if (!strstr(t, ", "))
    expand(st, b, st->tp->mods[rng_below(st->tp->nmods)]);
}

/* A quote's words (without the closing punctuation); two sentences when
 * the sentence should be long. */
static void put_quote_body(story *st, gbuf *b, int two) {
  expand(st, b, pick_fresh(st, st->tp->quotes, st->tp->nquotes, 0));
  if (two) {
    gb_puts(b, ". ");
    expand(st, b, PICK(quote_followups));
  }
}

/* A statement, with attribution now and then. */
static void s_statement(story *st, gbuf *b, size_t s0, size_t target,
                        int lead) {
  const char *t = pick_stmt(st, 0);
  expand(st, b, t);
  int plain = t[0] != '!';
  add_mod(st, b, s0, target > 6 ? target - 5 : target, t);
  if (lead && st->ag->phrase) {
    gb_puts(b, ", ");
    gb_puts(b, st->ag->name);
    gb_puts(b, " reports");
  } else if (plain && (lead || rng_pct(55))) {
    expand(st, b, PICK(attributions));
  }
  end_sentence(b);
}

/* "X said ...", "According to ..., ...". */
static void s_reported(story *st, gbuf *b, size_t s0, size_t target) {
  if (rng_pct(75)) {
    unsigned v = rng_below(10);
    expand(st, b, "{SP} ");
    expand(st, b, v < 6 ? "said " : v < 8 ? "said that " : "told {AG} that ");
  } else {
    expand(st, b, "According to {SRC}, ");
  }
  const char *t = pick_stmt(st, 1);
  expand(st, b, t);
  add_mod(st, b, s0, target, t);
  end_sentence(b);
}

/* Direct quotes in their several shapes. */
static void s_quote(story *st, gbuf *b, size_t s0, size_t target) {
  const char *qo = quote_open(st), *qc = quote_close(st);
  unsigned r = rng_below(100);
  (void)s0;
  if (r < 45) { /* "Body," X said. */
    gb_puts(b, qo);
    put_quote_body(st, b, target > 27);
    gb_putc(b, ',');
    gb_puts(b, qc);
    gb_putc(b, ' ');
    expand(st, b, "{SP} ");
    expand(st, b, PICK(said_verbs));
    end_sentence(b);
  } else if (r < 65) { /* X said: "Body." */
    expand(st, b, "{SP} ");
    expand(st, b, rng_pct(50) ? "said: " : "told reporters: ");
    gb_puts(b, qo);
    put_quote_body(st, b, target > 30);
    gb_putc(b, '.');
    gb_puts(b, qc);
  } else if (r < 85) { /* "Body," X said, adding that ... */
    gb_puts(b, qo);
    put_quote_body(st, b, 0);
    gb_putc(b, ',');
    gb_puts(b, qc);
    expand(st, b, " {SP} said, adding that ");
    expand(st, b, pick_stmt(st, 1));
    end_sentence(b);
  } else { /* "Body. Body," X told ... */
    gb_puts(b, qo);
    put_quote_body(st, b, 1);
    gb_putc(b, ',');
    gb_puts(b, qc);
    expand(st, b, " {SP} told {AG}");
    if (rng_pct(50))
      expand(st, b, " by telephone from {CITY}");
    end_sentence(b);
  }
}

/* X described the vote as "a farce". */
static void s_partial(story *st, gbuf *b) {
  const topic *tp = st->tp;
  int called = rng_pct(50);
  expand(st, b, "{SP} ");
  gb_puts(b, called ? "called " : "described ");
  gb_puts(b, tp->things[rng_below(tp->nthings)]);
  gb_puts(b, called ? " " : " as ");
  gb_puts(b, quote_open(st));
  gb_puts(b, pick_fresh(st, tp->partials, tp->npartials, 0));
  if (rng_pct(35)) { /* the period inside the quotes */
    gb_putc(b, '.');
    gb_puts(b, quote_close(st));
    return;
  }
  gb_puts(b, quote_close(st));
  if (rng_pct(50)) {
    gb_puts(b, " and said ");
    expand(st, b, pick_stmt(st, 1));
  }
  end_sentence(b);
}

/* Background, each paragraph of it once; 0 when all have been used. */
static int s_background(story *st, gbuf *b) {
  const topic *tp = st->tp;
  for (int tries = 0; tries < 6; tries++) {
    const char *t = tp->backs[rng_below(tp->nbacks)];
    int seen = 0;
    for (int i = 0; i < st->nused && !seen; i++)
      seen = st->used[i] == t;
    if (seen || st->nused == (int)N_OF(st->used))
      continue;
    st->used[st->nused++] = t;
    expand(st, b, t);
    end_sentence(b);
    return 1;
  }
  return 0;
}

static void s_question(story *st, gbuf *b) {
  gb_puts(b, quote_open(st));
  gb_puts(b, pick_fresh(st, questions, N_OF(questions), 0));
  gb_putc(b, '?');
  gb_puts(b, quote_close(st));
  if (rng_pct(50)) {
    expand(st, b, " asked {NA}, ");
    expand(st, b, PICK(na_roles));
  } else {
    expand(st, b, " {SP} asked");
  }
  end_sentence(b);
}

/* A sentence that names someone with letters beyond ASCII. */
static void s_non_ascii(story *st, gbuf *b, size_t s0, size_t target) {
  unsigned r = rng_below(3);
  if (r == 0) {
    gb_puts(b, quote_open(st));
    put_quote_body(st, b, target > 28);
    gb_putc(b, ',');
    gb_puts(b, quote_close(st));
    expand(st, b, " said {NA}, ");
    expand(st, b, PICK(na_roles));
  } else if (r == 1) {
    const char *t = pick_stmt(st, 1);
    expand(st, b, t);
    add_mod(st, b, s0, target > 9 ? target - 9 : target, t);
    expand(st, b, ", {NA}, ");
    expand(st, b, PICK(na_roles));
    expand(st, b, ", told {AG}");
  } else {
    expand(st, b, "{NA}, ");
    expand(st, b, PICK(na_roles));
    gb_puts(b, ", said ");
    expand(st, b, pick_stmt(st, 1));
  }
  end_sentence(b);
}

static void sentence(story *st, gbuf *b, int lead) {
  size_t s0 = b->n;
  size_t target = (size_t)rng_range(15, 35);
  if (lead) {
    s_statement(st, b, s0, target, 1);
  } else if (rng_pct(11)) {
    s_non_ascii(st, b, s0, target);
  } else {
    unsigned r = rng_below(100);
    if (r < 34)
      s_statement(st, b, s0, target, 0);
    else if (r < 50)
      s_reported(st, b, s0, target);
    else if (r < 73)
      s_quote(st, b, s0, target);
    else if (r < 81)
      s_partial(st, b);
    else if (r >= 98)
      s_question(st, b);
    else if (!s_background(st, b))
      s_statement(st, b, s0, target, 0);
  }
  capitalize(b, s0);
}

/* ---- Stories ----------------------------------------------------------------- */

static void put_dateline(story *st, gbuf *b) {
  const agency *ag = st->ag;
  int style = rng_pct(80) ? ag->dateline : (int)rng_below(DL_COUNT);
  int y, m, d;
  td_civil_from_days(st->day - (rng_pct(15) ? 1 : 0), &y, &m, &d);
  if (style == DL_TITLE) {
    gb_puts(b, st->city);
  } else if (st->city_up) {
    gb_puts(b, st->city_up);
  } else {
    put_caps(b, st->city);
  }
  switch (style) {
  case DL_TASS:
    gb_puts(b, ", ");
    gb_puts(b, month_full[m - 1]);
    gb_putc(b, ' ');
    gb_int(b, d);
    gb_puts(b, ". /");
    gb_puts(b, ag->name);
    gb_puts(b, "/. ");
    break;
  case DL_REGION:
    gb_puts(b, ", ");
    gb_puts(b, st->dl_region);
    gb_puts(b, ", ");
    put_date(st, b, 0, m, d);
    gb_puts(b, ". ");
    break;
  case DL_REUTERS:
    gb_puts(b, ", ");
    gb_puts(b, month_short[m - 1]);
    gb_putc(b, ' ');
    gb_int(b, d);
    gb_puts(b, " (");
    gb_puts(b, ag->name);
    gb_puts(b, ") - ");
    break;
  case DL_AP:
    if (st->city != st->c->towns[0] || st->city_up) {
      gb_puts(b, ", ");
      gb_puts(b, st->dl_region);
    }
    gb_puts(b, " (");
    gb_puts(b, ag->name);
    gb_puts(b, rng_pct(75) ? ") \xE2\x80\x94 " : ") _ ");
    break;
  case DL_PLAIN:
    gb_puts(b, rng_pct(60) ? " \xE2\x80\x94 " : " - ");
    break;
  case DL_TITLE:
    gb_puts(b, ", ");
    gb_int(b, d);
    gb_putc(b, ' ');
    gb_puts(b, month_full[m - 1]);
    gb_puts(b, " /");
    gb_puts(b, ag->name);
    gb_puts(b, "/. ");
    break;
  default: /* DL_REUTERS2 */
    gb_puts(b, ", ");
    gb_puts(b, st->dl_region);
    gb_puts(b, ", ");
    gb_puts(b, month_ap[m - 1]);
    gb_putc(b, ' ');
    gb_int(b, d);
    gb_puts(b, " (");
    gb_puts(b, ag->name);
    gb_puts(b, ") \xE2\x80\x93 ");
    break;
  }
}

static long day_first, day_span;

/* Writes one story: the headline into `title`, the paragraphs (separated by
 * one blank line) into `body`. */
static void make_story(story *st, gbuf *title, gbuf *body) {
  memset(st, 0, sizeof(*st));
  st->day = day_first + (long)rng_below((size_t)day_span);
  td_civil_from_days(st->day, &st->y, &st->m, &st->d);
  st->ag = &agencies[rng_below(N_OF(agencies))];
  st->tp = &topics[rng_below(N_OF(topics))];
  st->ministry = st->tp->ministry;
  st->c = country_in(rng_pct(75) ? st->ag->region : -1, NULL, NULL);
  st->c2 = country_in(st->c->region, st->c, NULL);
  st->c3 = country_in(-1, st->c, st->c2);
  size_t nt = ntowns(st->c);
  st->town = st->c->towns[1 + rng_below(nt - 1)];
  st->dl_region = st->c->name;
  if (rng_pct(4)) { /* filed from somewhere spelled with diacritics */
    const na_place *np = &na_places[rng_below(N_OF(na_places))];
    st->city = np->name;
    st->city_up = np->caps;
    st->dl_region = np->country;
  } else {
    st->city = rng_pct(60) ? st->c->towns[0] : st->c->towns[rng_below(nt)];
  }
  /* The cast: four people with different roles. */
  const topic *tp = st->tp;
  unsigned used = 0;
  while (st->ncast < 4 && (size_t)st->ncast < tp->nroles) {
    unsigned k = rng_below(tp->nroles);
    if (used & (1u << k))
      continue;
    used |= 1u << k;
    make_person(st, &st->cast[st->ncast], &tp->roles[k]);
    st->ncast++;
  }

  title->n = body->n = 0;
  expand(st, title, tp->heads[rng_below(tp->nheads)]);
  capitalize(title, 0);

  int npara = rng_range(6, 12);
  int boiler = rng_pct(30);
  int advert = rng_pct(2) ? rng_range(2, npara - 2) : -1;
  for (int p = 0; p < npara; p++) {
    if (p > 0)
      gb_puts(body, "\n\n");
    if (p == advert) {
      gb_puts(body, "Advertisement\n\n");
    }
    if (p == 0) {
      if (rng_pct(96))
        put_dateline(st, body);
      sentence(st, body, 1);
      if (rng_pct(20)) {
        gb_putc(body, ' ');
        sentence(st, body, 0);
      }
      continue;
    }
    int r = rng_below(100);
    int ns = r < 35 ? 1 : r < 80 ? 2 : 3;
    for (int i = 0; i < ns; i++) {
      if (i > 0)
        gb_putc(body, ' ');
      sentence(st, body, 0);
    }
  }
  if (boiler) {
    gb_puts(body, "\n\n");
    expand(st, body, st->ag->boiler);
  }
}

/* ---- Output ------------------------------------------------------------------ */

static void json_string(gbuf *o, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  gb_putc(o, '"');
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '"': gb_puts(o, "\\\""); break;
    case '\\': gb_puts(o, "\\\\"); break;
    case '\n': gb_puts(o, "\\n"); break;
    case '\r': gb_puts(o, "\\r"); break;
    case '\t': gb_puts(o, "\\t"); break;
    default:
      if (c < 0x20) {
        char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        gb_add(o, u, 6);
      } else {
        gb_putc(o, (char)c);
      }
    }
  }
  gb_putc(o, '"');
}

static void usage(FILE *f) {
  fputs("usage: td_benchgen [--seed N] [--mb M] [--format wire|jsonl] "
        "[-o FILE]\n"
        "Writes about M megabytes (10^6 bytes; default 100) of invented news\n"
        "wire stories to FILE or standard output. The same seed and size\n"
        "always give the same bytes.\n"
        "  --seed N           random seed (default 1)\n"
        "  --mb M             size in megabytes, may be fractional (0.5)\n"
        "  --format F         wire (\" date YYYY-MM-DD headline\" stories,\n"
        "                     the default) or jsonl (one JSON object a line)\n"
        "  -o, --output FILE  where to write (default: standard output)\n",
        f);
}

int main(int argc, char **argv) {
  uint64_t seed = 1;
  double mb = 100;
  int jsonl = 0;
  const char *outpath = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      return 0;
    }
    int takes = !strcmp(a, "--seed") || !strcmp(a, "--mb") ||
                !strcmp(a, "--format") || !strcmp(a, "-o") ||
                !strcmp(a, "--output");
    if (!takes) {
      fprintf(stderr, "td_benchgen: unknown argument %s\n", a);
      usage(stderr);
      return 2;
    }
    if (!v) {
      fprintf(stderr, "td_benchgen: %s needs a value\n", a);
      return 2;
    }
    i++;
    char *end;
    if (!strcmp(a, "--seed")) {
      errno = 0;
      seed = strtoull(v, &end, 10);
      if (errno || *end || end == v) {
        fprintf(stderr, "td_benchgen: --seed %s: expected a number\n", v);
        return 2;
      }
    } else if (!strcmp(a, "--mb")) {
      mb = strtod(v, &end);
      if (*end || end == v || !(mb > 0) || mb > 1e7) {
        fprintf(stderr, "td_benchgen: --mb %s: expected a positive size\n", v);
        return 2;
      }
    } else if (!strcmp(a, "--format")) {
      if (!strcmp(v, "jsonl"))
        jsonl = 1;
      else if (strcmp(v, "wire")) {
        fprintf(stderr, "td_benchgen: --format %s: expected wire or jsonl\n",
                v);
        return 2;
      }
    } else {
      outpath = v;
    }
  }

  FILE *out = stdout;
  if (outpath && strcmp(outpath, "-")) {
    out = fopen(outpath, "wb");
    if (!out) {
      fprintf(stderr, "td_benchgen: cannot create %s: %s\n", outpath,
                      strerror(errno));
      return 1;
    }
  }

  rng_state = seed * 0xD1B54A32D192ED03ull + 0x8CB92BA72F3D8DD7ull;
  day_first = td_days_from_civil(2019, 1, 1);
  day_span = td_days_from_civil(2025, 12, 31) - day_first + 1;

  uint64_t want = (uint64_t)(mb * 1e6);
  uint64_t written = 0;
  gbuf title = {0}, body = {0}, rec = {0};
  story st;
  for (unsigned long id = 1; written < want; id++) {
    make_story(&st, &title, &body);
    int headline = rng_pct(80);
    rec.n = 0;
    char tmp[64];
    if (jsonl) {
      snprintf(tmp, sizeof(tmp), "{\"id\":\"gen-%06lu\",\"source\":", id);
      gb_puts(&rec, tmp);
      json_string(&rec, st.ag->name, strlen(st.ag->name));
      snprintf(tmp, sizeof(tmp), ",\"date\":\"%04d-%02d-%02d\",\"title\":",
               st.y, st.m, st.d);
      gb_puts(&rec, tmp);
      json_string(&rec, title.p, title.n);
      gb_puts(&rec, ",\"text\":");
      json_string(&rec, body.p, body.n);
      snprintf(tmp, sizeof(tmp), ",\"url\":\"https://example.org/gen/%06lu\"}\n",
               id);
      gb_puts(&rec, tmp);
    } else {
      snprintf(tmp, sizeof(tmp), " date %04d-%02d-%02d ", st.y, st.m, st.d);
      gb_puts(&rec, tmp);
      if (headline) {
        gb_add(&rec, title.p, title.n);
        gb_puts(&rec, "\n\n");
      }
      gb_add(&rec, body.p, body.n);
      gb_putc(&rec, '\n');
    }
    if (fwrite(rec.p, 1, rec.n, out) != rec.n)
      break;
    written += rec.n;
  }
  free(title.p);
  free(body.p);
  free(rec.p);
  int bad = ferror(out) != 0;
  if (out != stdout)
    bad |= fclose(out) != 0;
  else
    bad |= fflush(out) != 0;
  if (bad) {
    fprintf(stderr, "td_benchgen: cannot write %s: %s\n",
            outpath ? outpath : "the output", strerror(errno));
    return 1;
  }
  return 0;
}
