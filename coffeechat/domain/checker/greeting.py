"""`greeting-name-mismatch`: the greeting must name the person the message is to.

A note that opens "Dear Mr. Johnson" when it goes to Aisha Bello tells her at once that she is
one of many, and the wrong name is the one mistake a reader never overlooks. The greeting's
name words are compared with the recipient's name, forgiving what people really write: a title
with the surname, the first name alone, a short form of the first name (Liz, Alex), missing
accents and either kind of apostrophe.
"""

from __future__ import annotations

import re
import unicodedata

from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import Doc
from coffeechat.domain.findings import Finding

_OPENING = re.compile(
    r"\A\s*(?:dear|hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening|day)"
    # greetings in other languages: "Olá Mateo!", "Kia ora Mere,", "Bonjour Mme Roy,"
    r"|ol[aá]|hola|bonjour|salut|ciao|hallo|hej|hei|namaste|namaskar|salaam|salam|as-?salaam"
    r"(?:u)?\s+alaikum|kia\s+ora|jambo|habari|sawubona|konnichiwa|annyeong(?:haseyo)?|merhaba|"
    r"shalom|guten\s+(?:tag|morgen)|buongiorno|buenos\s+d[ií]as|buenas\s+tardes|bom\s+dia|"
    r"boa\s+tarde|dia\s+dhuit|sannu|ndewo|bawo|xin\s+ch[aà]o|sawasdee|selamat\s+(?:pagi|siang)"
    r"|to)\b[ \t,]*",
    re.IGNORECASE,
)
# Honorifics of address that go before a first name, not a surname, by tradition: they name
# the reader as an elder sibling, aunt, uncle or teacher would be named ("Hi Ate Joy!", "Kia
# ora Whaea Mere,", "Namaste Didi Priya", "Merhaba Abla Elif"). Written with and without
# their accents, as the folded title is looked up here.
_KIN_HONORIFICS_BY_TRADITION = {
    "filipino": "ate kuya tita tito manang manong lola lolo",
    "maori": "whaea matua koka kōkā",
    "south asian": "didi bhaiya bhaia bhai baji akka chechi chetta",
    "turkish": "abla ağabey agabey abi hoca",
    "malay and indonesian": "kak kakak abang mas mbak",
    "east and west african": "mama baba",
    "persian": "agha aghaye khanum",
    "spanish and portuguese": "don doña dona dom",
}
_KIN_HONORIFICS = frozenset(
    word for words in _KIN_HONORIFICS_BY_TRADITION.values() for word in words.split()
)
_TITLE = re.compile(
    r"(?:mr|mrs|ms|mx|miss|dr|prof|professor|doctor|dean|sir|madam|madame|coach|rev|"
    r"reverend|judge|captain|capt|sr|sra|srta|herr|frau|mme|mlle|ma['’]?am|mam|engr|eng|"
    r"sister|matron|nurse|chef|father|fr|pastor|rabbi|imam|sheikh|hon|honourable|honorable|"
    r"cllr|councillor|councilor|senator|sen|rep|representative|justice|officer|sergeant|sgt|"
    r"lieutenant|lt|major|maj|colonel|col|general|gen|admiral|commander|cdr|principal|"
    r"headteacher|chief|elder|architect|arch|atty|attorney|barrister|advocate|adv|lady|lord|"
    r"dame|president|chair|chairman|chairwoman|director|rector|provost|superintendent|supt|"
    r"inspector|detective|ambassador|mayor|governor|minister|bishop|deacon|brother|auntie|"
    r"aunty|uncle|mister|mistress|senor|senora|señor|señora|signor|signora|dott|dottore|"
    r"dottoressa|ing|ir|drs|mag|mgr|pr|mw|dhr|bapak|bpk|ibu|pak|bu|shri|sri|smt|shrimati|"
    r"ustaz|ustazah|tuan|puan|encik|cik|datuk|dato|datin|tan sri|hajj|haji|hajiya|alhaji|"
    r"alhaja|oga|sensei|canon|archdeacon|vicar|venerable|ven|khun|ajarn|ajahn|mwalimu|arq|lic|"
    r"licda|mtro|mtra|dra|"
    + "|".join(sorted(_KIN_HONORIFICS, key=len, reverse=True))
    + r")\.?(?=\s|/)",
    re.IGNORECASE,
)
_ALONE = re.compile(r"[ \t]*(?:[,!.]|$)")
# Honorifics after a name: "Tanaka-san", "Yamamoto Sensei", "Sharma-ji", "Kim-nim".
_AFTER_NAME = re.compile(r"(?:[-‐ ](?:san|sama|sensei|kun|chan|ji|nim|ssi|garu|saab|sahib))$", re.I)
_HONORIFIC_WORDS = frozenset(["san", "sama", "sensei", "kun", "chan", "ji", "nim", "ssi", "garu"])
# A phone script's opening: "Hi, is this Mr. Patel?", "Hello, may I speak with Dr. Lee?"
_PHONE_LEAD = re.compile(
    r"(?:is\s+this|is\s+that|am\s+I\s+speaking\s+(?:with|to)|(?:may|could|can)\s+I\s+"
    r"(?:please\s+)?speak\s+(?:with|to)|I['’]m\s+calling\s+for|I['’]m\s+trying\s+to\s+reach)"
    r"[ \t]+",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-.][^\W\d_]+)*\.?")
# Words that open the note's first sentence after a bare greeting ("Hello, I'm Aiko Sato"):
# the greeting has ended and names no one.
_SENTENCE_OPENERS = frozenset(
    ["i", "i'm", "im", "i've", "i'd", "i'll", "my", "we", "we're", "our", "this", "it's", "hope"]
)
# Surnames that, written first, mark a Chinese, Korean or Singaporean name given surname-first
# ("Zhang Wei"): the title then goes with the first word. Only surnames that are not also
# common English first names (so not Lee, Kim, Ho), to leave "Kim Smith" in Western order.
_SURNAMES_FIRST_TEXT = """
    wang zhang liu chen yang huang zhao zhou xu sun zhu guo luo gao zheng liang xie tang feng
    deng cao peng zeng xiao tian pan yuan cai jiang du cheng shen yao tan lim goh ng teo ong koh
    chua wong chan leung cheung lau tsang choi jung cho yoon jang shin kwon hwang
"""
_SURNAMES_FIRST = frozenset(_SURNAMES_FIRST_TEXT.split())
# Common English given names: after a courtesy or academic title one of these is a first name
# put where the surname goes ("Dear Mr. Owen" to Owen Pritchard), unlike given names that
# other traditions do put after a title ("Dr. Tsion", "Mr. Hossam", "Khun Somchai").
_ENGLISH_GIVEN_TEXT = """
    aaron adam adrian alan albert alex alexander alice amanda amy andrew angela anna anne
    anthony arthur ben benjamin beth brian bruce carl carol caroline catherine charles charlie
    charlotte chris christine christopher claire colin craig daniel david deborah dennis diana
    donald douglas edward elizabeth emily emma eric frank gary george gordon graham grace
    gregory hannah harry helen henry ian jack jacob james jane janet jason jennifer jessica
    joan john jonathan joseph joshua julia julie justin karen kate katherine keith kelly kenneth
    kevin laura lawrence lily linda lisa louise lucy margaret mark martin mary matthew megan
    michael nancy nathan neil nicholas oliver owen patricia patrick paul peter philip rachel
    raymond rebecca richard robert roger ronald rose russell ruth ryan samuel sandra sarah scott
    sean simon sophie stephen steven stuart susan thomas timothy tony victoria walter william
"""
_ENGLISH_GIVEN = frozenset(_ENGLISH_GIVEN_TEXT.split())
_COURTESY_TITLES = frozenset(["mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "doctor"])
# Endings that make a different given name of a name: Daniel and Danielle, Paul and Paula.
_OTHER_NAME_ENDINGS = ("a", "e", "la", "lla", "le", "lle", "na", "ina", "ine", "ette", "etta")
_PARTICLES = frozenset(
    [
        "de",
        "la",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "da",
        "di",
        "du",
        "le",
        "los",
        "las",
        "bin",
        "ibn",
        "al",
        "el",
        "dos",
        "das",
        "st",
    ]
)
# Greeting words that name no one: "Dear Hiring Manager", "Hello everyone".
_GENERIC = frozenset(
    [
        "all",
        "everyone",
        "everybody",
        "there",
        "team",
        "folks",
        "friend",
        "friends",
        "colleague",
        "colleagues",
        "sir",
        "sirs",
        "madam",
        "ma'am",
        "maam",
        "mam",
        "hiring",
        "manager",
        "managers",
        "recruiter",
        "recruiters",
        "committee",
        "admissions",
        "whom",
        "it",
        "may",
        "concern",
        "members",
        "staff",
        "board",
        "human",
        "resources",
        "hr",
        "search",
        "department",
        "editor",
        "editors",
        "and",
        "or",
        "again",
        "you",
        "y'all",
        "neighbor",
        "neighbour",
        "partner",
        "partners",
        "mentor",
        # offices: "Dear Permanent Secretary", "Dear Registrar"
        "permanent",
        "secretary",
        "registrar",
        "chancellor",
        "vice-chancellor",
        "head",
    ]
)
# Common short forms whose spelling is not a prefix of the full first name.
_NICKNAMES: dict[str, tuple[str, ...]] = {
    "elizabeth": ("liz", "lizzie", "lizzy", "beth", "betty", "betsy", "eliza", "libby", "elle"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "roberta": ("bobbie", "robbie", "bert"),
    "william": ("bill", "billy", "will", "willy", "liam"),
    "james": ("jim", "jimmy", "jamie"),
    "michael": ("mike", "mikey", "mick", "mickey"),
    "katherine": ("kate", "katie", "kathy", "kat", "kit", "kay"),
    "catherine": ("kate", "katie", "cathy", "cat", "cate"),
    "kathryn": ("kate", "katie", "kathy", "kat"),
    "richard": ("rick", "ricky", "dick", "rich", "richie"),
    "margaret": ("maggie", "meg", "peggy", "margie", "greta"),
    "anthony": ("tony",),
    "antonio": ("tony", "toni"),
    "edward": ("ed", "eddie", "ted", "teddy", "ned"),
    "john": ("jack", "johnny"),
    "jonathan": ("jon", "jonny", "nate"),
    "charles": ("charlie", "chuck", "chaz"),
    "charlotte": ("charlie", "lottie"),
    "susan": ("sue", "susie", "suzy"),
    "suzanne": ("sue", "suzy"),
    "jennifer": ("jen", "jenny", "jenn"),
    "andrew": ("andy", "drew"),
    "daniel": ("dan", "danny"),
    "david": ("dave", "davey"),
    "joseph": ("joe", "joey"),
    "josephine": ("jo", "josie"),
    "matthew": ("matt", "matty"),
    "nicholas": ("nick", "nicky", "nico"),
    "patrick": ("pat", "paddy"),
    "patricia": ("pat", "patty", "trish", "tricia"),
    "stephen": ("steve", "stevie"),
    "steven": ("steve", "stevie"),
    "thomas": ("tom", "tommy"),
    "benjamin": ("ben", "benny", "benji"),
    "alexandra": ("alex", "lexi", "sasha", "sandra", "sandy", "ali"),
    "alexander": ("alex", "xander", "sasha", "sandy", "al"),
    "alejandro": ("alex", "ale"),
    "nathaniel": ("nate", "nat", "nathan"),
    "nathan": ("nate",),
    "zachary": ("zach", "zack", "zak"),
    "abigail": ("abby", "abbie", "gail"),
    "rebecca": ("becky", "becca", "bex", "bec"),
    "jessica": ("jess", "jessie"),
    "victoria": ("vicky", "vicki", "tori"),
    "gabriel": ("gabe",),
    "gabriela": ("gabby", "gaby"),
    "gabrielle": ("gabby", "gaby", "elle"),
    "manuel": ("manny",),
    "jose": ("pepe",),
    "francisco": ("paco", "pancho", "frank"),
    "guadalupe": ("lupe",),
    "henry": ("hank", "harry", "hal"),
    "harold": ("harry", "hal"),
    "mary": ("molly", "polly", "mae"),
    "anne": ("annie", "nan"),
    "anna": ("annie",),
    "deborah": ("deb", "debbie", "debby"),
    "kimberly": ("kim",),
    "frederick": ("fred", "freddie", "fritz"),
    "albert": ("al", "bert"),
    "alan": ("al",),
    "raymond": ("ray",),
    "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"),
    "lawrence": ("larry",),
    "gerald": ("jerry", "gerry"),
    "jerome": ("jerry",),
    "theresa": ("terry", "tess", "tessa"),
    "teresa": ("terry", "tess", "tessa"),
    "dorothy": ("dot", "dottie", "dolly"),
    "christopher": ("chris", "kit", "topher"),
    "christine": ("chris", "chrissy", "tina"),
    "christina": ("chris", "tina"),
    "samantha": ("sam", "sammy"),
    "samuel": ("sam", "sammy"),
    "timothy": ("tim", "timmy"),
    "gregory": ("greg",),
    "peter": ("pete",),
    "philip": ("phil",),
    "phillip": ("phil",),
    "jacob": ("jake",),
    "joshua": ("josh",),
    "kenneth": ("ken", "kenny"),
    "leonard": ("leo", "len", "lenny"),
    "eleanor": ("ellie", "nell", "nora"),
    "helen": ("nell", "ellie"),
    "isabel": ("izzy", "bel", "bella"),
    "isabella": ("izzy", "bella"),
    "olivia": ("liv", "livvy"),
    "victor": ("vic",),
    "vincent": ("vince", "vinny"),
    "rafael": ("rafa",),
    "eduardo": ("eddie", "lalo"),
    "guillermo": ("memo", "willy"),
    "ignacio": ("nacho",),
    "dolores": ("lola",),
    "mercedes": ("meche",),
    "yevgeny": ("zhenya",),
    "aleksandr": ("sasha",),
    "dmitri": ("dima",),
    "ekaterina": ("katya", "katia"),
    "mohammed": ("mo",),
    "muhammad": ("mo",),
    "mohammad": ("mo",),
}


# The usual spellings of letters without them on a keyboard: Schaefer for Schäfer, Mueller for
# Müller, Soerensen for Sørensen, Strauss for Strauß.
_TRANSLITERATIONS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"}
)


def _transliterated(word: str) -> str:
    return fold(word.lower().translate(_TRANSLITERATIONS))


def fold(word: str) -> str:
    """Lower case, accents and apostrophe styles removed: "O’Brién" -> "o'brien"."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'").replace("‘", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.lower().strip(".")


NameWord = tuple[str, int, int]


def greeting_names(text: str) -> tuple[list[NameWord], NameWord | None]:
    """The name words of the greeting, with their offsets, and the title before them (None for
    none): "Dear Mr. Johnson," -> [Johnson], Mr."""
    opening = _OPENING.match(text)
    if opening is None:
        return [], None
    position = opening.end()
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    names: list[NameWord] = []
    title_word: NameWord | None = None
    titled = ""
    while position < line_end:
        gap = re.match(r"[ \t]*", text[position:line_end])
        position += gap.end() if gap else 0
        title = _TITLE.match(text, position, line_end + 1)
        if title and not names:
            position = title.end()
            titled = fold(title.group())
            title_word = (title.group().rstrip("."), title.start(), title.end())
            continue
        phone = _PHONE_LEAD.match(text, position, line_end)
        if phone and not names:
            position = phone.end()
            continue
        word = _NAME_WORD.match(text, position, line_end)
        if word is None:
            break
        raw = word.group()
        folded = fold(raw)
        if folded == "ma" and not titled and _ALONE.match(text, word.end(), line_end + 1):
            break  # "Good afternoon Ma," is the Nigerian and Indian "ma'am"; "Ms. Ma" a name
        if names and folded in _HONORIFIC_WORDS:
            break  # "Yamamoto Sensei"
        raw = _AFTER_NAME.sub("", raw) or raw
        folded = fold(raw)
        if folded in _PARTICLES or folded in _GENERIC:
            if folded in _GENERIC:
                break
            # kept, to be judged only against a name that has particles ("van der" for "van den")
            names.append((raw, word.start(), word.end()))
            position = word.end()
            continue
        if not raw[0].isupper() or (not names and folded in _SENTENCE_OPENERS):
            break
        if len(folded.replace(".", "")) > 1:  # an initial ("A.") says too little to judge
            names.append((raw.rstrip("."), word.start(), word.start() + len(raw.rstrip("."))))
        position = word.end()
        if len(names) >= 4:
            break
    return names, title_word


def _matches(word: str, parts: list[str], first: str | None) -> bool:
    folded = fold(word)
    if _transliterated(word) in parts:
        return True
    pieces = [p for p in folded.split("-") if len(p) > 2]
    if folded in parts or folded.replace("'", "") in {p.replace("'", "") for p in parts}:
        return True
    if "-" in folded and pieces and all(piece in parts for piece in pieces):
        return True
    if first is None:
        return False
    if folded in _NICKNAMES.get(first, ()) or folded in _NICKNAMES.get(
        first.replace("ks", "x"), ()
    ):
        return True  # Sasha for Alexandra or Aleksandra
    # Short forms built on the first name: Alex (Alexandra), Sam (Samuel), Danny (Daniel);
    # not a given name of its own that the recipient's extends (Daniel for Danielle).
    rest = first[len(folded) :] if first.startswith(folded) else ""
    if len(folded) >= 4 and rest in _OTHER_NAME_ENDINGS:
        return False
    stem = re.sub(r"(?:ie|y|i)$", "", folded)
    if len(stem) >= 2 and stem[-1:] * 2 == stem[-2:]:
        stem = stem[:-1]
    if len(folded) >= 3 and any(
        len(s) >= 3 and first.startswith(s) and len(s) < len(first) for s in {folded, stem}
    ):
        return True
    # Ollie (Oliver), Olly: the doubled letter stands for one that a vowel follows in the name.
    if (
        len(stem) == 2
        and folded[2:3] == stem[1]
        and first.startswith(stem)
        and first[2:3] in set("aeiou")
    ):
        return True
    # Short forms built on the end of the first name: Seun (Oluwaseun), Tobi (Oluwatobi),
    # Bayo (Adebayo), Femi (Oluwafemi).
    # Tasha (Natasha): a longer ending needs less left before it.
    return (
        len(folded) >= 4
        and first.endswith(folded)
        and len(first) - len(folded) >= (2 if len(folded) >= 5 else 3)
    )


def _parts(name: str) -> list[str]:
    """The recipient's name words, folded, first name first: "Dr. Aisha Bello" -> aisha, bello."""
    words = [fold(w) for w in _NAME_WORD.findall(name)]
    parts = _name_words(words)
    spelled_out = [_transliterated(w) for w in _NAME_WORD.findall(name)]
    parts += [w for w in spelled_out if w not in parts and w not in words]
    return parts + [piece for w in parts if "-" in w for piece in w.split("-")]


def _name_words(folded: list[str]) -> list[str]:
    """The folded words of a name that name the person: no titles, no initials."""
    return [w for w in folded if len(w) > 1 and w not in _TITLE_WORDS]


def _not_the_surname(word: str, recipient: str) -> bool:
    """Whether a title is put before a word of the recipient's name that isn't their surname
    where the name shows which word is: the given name of a name written surname-first ("Mr.
    Wei" for Zhang Wei), or the second half of a double-barrelled surname alone ("Dr. Jones"
    for Rhiannon Lloyd-Jones)."""
    words = _name_words([fold(w) for w in _NAME_WORD.findall(recipient)])
    if len(words) < 2:
        return False
    if words[0] in _SURNAMES_FIRST and words[-1] not in _SURNAMES_FIRST and word == words[-1]:
        return True
    halves = words[-1].split("-")
    return len(halves) == 2 and word == halves[1]


def _given_for_surname(word: str, parts: list[str]) -> bool:
    """Mr. or Dr. before the recipient's English first name, which is not also their surname:
    "Dear Mr. Owen" to Owen Pritchard."""
    names = [p for p in parts if "-" not in p or p == parts[0]]
    return (
        len(names) >= 2
        and word == names[0]
        and word != names[-1]
        and word in _ENGLISH_GIVEN
        and names[0] not in _SURNAMES_FIRST
    )


_TITLE_WORDS = frozenset(
    ["mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "doctor", "dean", "sir", "madam"]
)


def greeting_name_mismatch(doc: Doc, context: CheckContext) -> list[Finding]:
    if not context.recipient_name:
        return []
    parts = _parts(context.recipient_name)
    if not parts:
        return []
    first = parts[0]
    named, title_word = greeting_names(doc.text)
    titled = fold(title_word[0]) if title_word else ""
    if titled in _KIN_HONORIFICS:
        # These go before a given name ("Ate Joy"); before anything else the word may be a
        # name itself ("Dear Don Smith" to Ron Smith), so it is judged with the rest.
        given = [parts[-1]] if first in _SURNAMES_FIRST else [first]  # Kuya Wei (Zhang Wei)
        if title_word and not (named and _matches(named[0][0], given, given[0])):
            named = [title_word, *named]
        titled = ""
    with_particles = any(part in _PARTICLES for part in parts)
    wrong = [
        (w, s, e)
        for w, s, e in named
        if not _matches(w, parts, first) and (with_particles or fold(w) not in _PARTICLES)
    ]
    if titled and len(named) == 1 and _not_the_surname(fold(named[0][0]), context.recipient_name):
        wrong = named
    if (
        titled in _COURTESY_TITLES
        and len(named) == 1
        and _given_for_surname(fold(named[0][0]), parts)
    ):
        wrong = named
    if all(fold(w) in _PARTICLES for w, _, _ in named):
        return []  # "Dear Van," says too little to judge
    if not wrong:
        return []
    start, end = wrong[0][1], wrong[-1][2]
    phrase = doc.text[start:end]
    referrer = _parts(context.referrer_name or "")
    if referrer and all(fold(w) in referrer for w, _, _ in wrong):
        why = f"{context.referrer_name} is the person who referred you"
    else:
        why = "that isn't their name"
    message = (
        f'The greeting says "{phrase}", but this message is to {context.recipient_name}, and '
        f"{why}. A wrong name is the one slip a reader never overlooks: it tells them the note "
        "was copied from one sent to someone else."
    )
    return [Finding("greeting-name-mismatch", "error", message, start, end)]
