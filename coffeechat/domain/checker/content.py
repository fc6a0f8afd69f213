"""What a request must say: who you are, how you found them, why them, a question, a plan."""

from __future__ import annotations

import re

from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import Doc
from coffeechat.domain.findings import Finding

_TITLES = {"mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "madam"}

_SOURCE = re.compile(
    r"\b(?:alumn(?:i|a|us|ae)|alums?|linkedin|directory|panel(?:ist)?s?|handshake|"
    r"career\s+(?:center|centre|office|fair|services)|conference|webinar|podcast|"
    r"came\s+across|come\s+across|found\s+(?:your|you)|(?:got|have)\s+your\s+(?:name|email)|"
    r"(?:read|reading|saw|seen|heard|hearing|watched|listened\s+to|attended|enjoyed|visited|"
    r"toured|"
    r"follow(?:ed)?|cited|took|taken|noticed|discovered|studied|used|been\s+reading|played|"
    r"showed\s+(?:us|me)|shown|screened|assigned|"
    r"been\s+following|learned|learnt)\s+(?:[\w'’-]+\s+){0,5}?(?:your\b|you\b(?!['’]))|"
    r"\b(?:mentioned|told\s+me|tells\s+me|spoke\s+(?:very\s+|so\s+|really\s+)?(?:highly|well)|"
    r"pointed\s+me|(?:read|heard|saw|learned|learnt)\s+about\s+(?:in|on|at|through|via)\b|"
    r"(?:played|watched|saw|read|attended|heard)\s+(?:the\s+)?(?:demo|trailer|episode|film|game|"
    r"documentary|premiere|screening|exhibition)\s+(?:of|on|about)\b|"
    r"introduced\s+me|forwarded\s+your|sent\s+me\s+your|shared\s+your|speaks\s+highly|"
    # a work of theirs named by its title: "I saw 'The Weaver's Daughter' at AFRIFF"
    r"(?:saw|seen|watched|read|heard|played|listened\s+to)\s+['‘\"“][^'’\"”\n]{3,60}['’\"”]|"
    r"(?:put|putting)\s+me\s+in\s+touch|connected\s+(?:me|us))\b|"
    r"your\s+(?:[\w'’&.-]+\s+){0,3}?(?:article|talk|blog|post|presentation|profile|book|"
    r"interview|paper|newsletter|website|piece|essay|lecture|keynote|session|op-ed|column|"
    r"seminar|workshop|class|course|module|visit|episode|video|thread|tweet|feature|story|"
    r"stories|reporting|coverage|byline|publication|chapter|portfolio|bio|page|listing|novels?|"
    r"poems?|poetry|memoir|album|songs?|films?|plays?|judgments?|covers?|illustrations?|reels?|"
    r"appearance|remarks|speech|testimony|exhibit|exhibition|show|documentary|podcast|series|"
    r"campaign|design|investigation|reportage|"
    r"channel|webinar|panel|q&a|ama|feature|quote|comments?|op-eds|report)s?\b|"
    r"(?:after|during|at|in|from)\s+your\s+(?:[\w'’-]+\s+){0,2}?(?:lecture|talk|class|"
    r"session|visit|event|workshop|panel|seminar|presentation|course|module)|"
    r"(?:know|knew|heard)\s+(?:of|about)\s+(?:you|your)\b|"
    # "I read about the opening of the new oncology wing that you led"
    r"(?:read|heard|learned|learnt|saw)\s+about\s+[^.!?\n]{0,120}?\b(?:that|which)\s+you\s+"
    r"[a-z]+ed\b|"
    r"looked\s+you\s+up|referred\s+(?:me\s+)?to\s+you|was\s+referred|"
    r"\byou\s+(?:spoke|presented|visited|came|talked|lectured|guest-lectured|appeared|hosted|"
    r"judged|mentored|taught|ran|led|gave\s+a\s+talk|were\s+on)\s+(?:\w+\s+)?(?:at|to|in|on|for|"
    r"with)\b|"
    r"\b(?:suggested|recommended)\s+(?:reaching|contacting|writing|talking|speaking|emailing|"
    r"getting\s+in\s+touch|connecting|you|your)\b|"
    r"\b(?:said|thought|felt|mentioned|suggested|recommended|says|thinks)\s+(?:that\s+)?you(?:['’]d|"
    r"\s+would|\s+might|\s+may|\s+are|['’]re|\s+could)\b|"
    r"\bthrough\s+(?:a|an)\s+(?:mutual\s+)?(?:friend|colleague|contact|classmate|professor|"
    r"connection|acquaintance|mentor)|\bfellow\s+(?-i:[A-Z])\w+|"
    r"(?:your|the)\s+(?:name|contact|details|e-?mail(?:\s+address)?)\s+"
    r"(?:from|through|on|in|via)\b|"
    r"\b(?:via|on|in)\s+(?:the\s+|our\s+|my\s+)?(?:[\w'’&.-]+\s+){0,3}?(?:website|directory|"
    r"site|page|list|database|network|forum|community|slack|discord|group|newsletter|"
    r"mentor\s+list|speaker\s+list|programme|program)\b(?=[^.?!\n]{0,40}\byou)|"
    r"(?:your\s+name|you)\s+(?:came|come|comes)\s+up|"
    r"gave\s+me\s+your|passed\s+(?:along|on)\s+your|(?:suggested|recommended)\s+(?:that\s+)?I|"
    r"(?:we|I)\s+met|met\s+you|through\s+(?:the|our|my)\s+\w+|"
    # A visit or a meal at their place: "I ate at Osteria Sette with my family".
    r"\bI\s+(?:recently\s+|once\s+)?(?:ate|dined|stayed|visited|toured)\s+(?:at|in)\s+"
    r"(?:the\s+)?(?-i:[A-Z]))",
    re.IGNORECASE,
)
# Capital letters, Latin accented ones included ("Ó Súilleabháin", "Đức").
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ɏ"
# Lower-case particles inside a name: "Pieter van der Merwe", "Gruffydd ap Rhys".
_PARTICLE = r"(?:van|von|der|den|de|du|da|di|del|della|dos|das|ap|ab|bin|binti|al|el|le|la|ter|ten)"
# A role the student names themselves by: "Nursing student at Humber College here."
_ROLE = (
    r"(?:student|grad|graduate|major|alum|alumna|alumnus|year|nurse|engineer|developer|analyst|"
    r"designer|teacher|researcher|intern|trainee|apprentice|candidate|fellow)"
)
_INTRODUCTION = re.compile(
    rf"(?i:\bmy\s+name(?:\s+is|['’]s))\b|\b(?i:this\s+is)\s+[{_UPPER}][a-z]+|"
    rf"\bI(?:['’]m|\s+am)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
    rf"(?:(?:[{_UPPER}][\w'’-]*|{_PARTICLE})\s+){{0,4}}[{_UPPER}][\w'’-]*\s*[,(.;:!—–]|"
    # a formal letter's "I, Suresh Babu, a final-year student…"
    rf"\bI,\s+[{_UPPER}][\w'’-]+(?:\s+[{_UPPER}][\w'’-]+){{0,3}},|"
    # a signature line first: "Alex from NFTS (editing MA)", "Sam Okafor here, senior in…"
    rf"(?:^|[.!?,]\s+)[{_UPPER}][a-z]+(?:\s+[{_UPPER}][\w'’-]+)?\s+(?i:from|at)\s+"
    rf"[{_UPPER}][\w&'’.-]*(?:\s+here)?\s*[(,.!—–]|"
    # typed on a phone: "hi Sam im Ravi, 2nd yr nursing"
    rf"\b[iI](?:['’]?m|\s+am)\s+[{_UPPER}][\w'’-]*\s*[,(.;:!—–]|"
    # "I'm Grace Ho from SMU", "I am Tariq at UET Lahore"
    rf"\bI(?:['’]m|\s+am)\s+[{_UPPER}][\w'’-]+(?:\s+[{_UPPER}][\w'’-]+){{0,2}}\s+(?i:from|at)\s+"
    rf"[{_UPPER}]|"
    rf"(?:^|[.!?,]\s+)[{_UPPER}][\w'’-]+(?:\s+[{_UPPER}][\w'’-]+){{0,2}}\s+here\s*[,.!:–—-]|"
    rf"(?:^|[.!?,]\s+)(?:[\w'’&.-]+\s+){{0,4}}?(?i:{_ROLE})s?\s+here\b|"
    # A name left as a placeholder still introduces ("I'm <First Name>, a design student").
    r"\bI(?:['’]m|\s+am)\s+(?:<[^>\n]{1,30}>|\[[^\]\n]{1,30}\]|\{[^}\n]{1,30}\}),|"
    rf"(?:^|[.!?,]\s+)[{_UPPER}][\w'’-]+\s+here\s*[,.!:–—-]|"
    rf"(?:^|[.!?,]\s+)(?:[\w'’&.-]+\s+){{0,6}}?(?i:{_ROLE})s?(?:\s+[\w'’&.-]+){{0,2}}\s+"
    rf"(?i:at|from|in)\s+(?:[\w'’&.-]+\s+){{0,4}}?(?i:here)\b|"
    rf"\b(?i:fellow)\s+[{_UPPER}][\w'’-]+|\bMyself\s+[{_UPPER}][\w'’-]+|"
    r"(?:^|[.!?]\s+)(?i:currently\s+)?(?i:studying|majoring\s+in)\b|"
    r"(?i:\bmy\s+(?:lecturer|professor|prof|tutor|supervisor|adviser|advisor|teacher|"
    r"instructor|manager|boss|mentor|coach|classmate|colleague|coworker|co-worker)\s+(?:at|in)\b)|"
    r"(?i:\bI(?:['’]ve|\s+have)\s+(?:already\s+|just\s+|recently\s+)?(?:accepted|taken|"
    r"started|joined|completed|finished|spent)\b)|"
    # "it's Jade Akintola – I'm doing…": a phone script's full name
    rf"\b(?i:it['’]s|it\s+is)\s+[{_UPPER}][a-z]+\s+[{_UPPER}][\w'’-]+\s*[,(.;:!—–-]|"
    # "im a sophomore at Ohio State": typed on a phone without the apostrophe
    r"(?i:\bI(?:['’]?m|\s+am)\s+(?:now\s+|also\s+|still\s+|currently\s+)?(?:an?|the|currently|"
    r"in\s+my|in\s+the\s+(?:\w+\s+){0,2}(?:year|semester|term|program|programme|class|cohort)|"
    r"studying|majoring|pursuing|completing|finishing|working|retraining|training|interning|"
    r"exploring|transitioning|switching|returning|volunteering|teaching|researching|"
    r"graduating|enrolled|a\s+recent)\b(?!\s+(?:big\s+|huge\s+|long-?time\s+)?(?:fan|admirer))|"
    r"\bfellow\s+(?:[\w'’-]+\s+){0,2}(?:grad|graduate|alum|alumna|alumnus|student|\w+er)\b|"
    r"\bclass\s+of\s+['’]?\d{2,4}\b|"
    r"\bI\s+(?:recently\s+|just\s+)?(?:finished|completed|spent|served|interned|transferred)\b|"
    r"\bI\s+(?:study|work\s+as|recently\s+graduated|graduated|teach|lead|manage)\b|"
    r"\bas\s+an?\s+(?:\w+\s+){0,2}(?:student|major|junior|senior|sophomore|freshman|graduate)\b|"
    r"\bI(?:['’]m|\s+am)\s+writing\s+as\s+(?:an?|the)\b|"
    rf"\b(?i:here),\s+[{_UPPER}][a-z]+\s+(?i:from|at)\s+[{_UPPER}])"
)
# Why this person: any mention of their work, role, organization, experience, writing,
# research or projects. "Your career" or "your name" alone says nothing about them.
_THEIR_WORK_NOUNS = (
    "work", "works", "experience", "experiences", "role", "roles", "position", "background",
    "expertise", "research", "transition", "move", "switch", "pivot", "company", "organization",
    "organisation", "firm", "team", "agency", "lab", "department", "field", "industry",
    "projects?", "practice", "studio", "newsroom", "program", "programme", "programs", "years",
    "reporting", "writing", "writings", "coverage", "leadership", "business", "clinic",
    "startup", "specialty", "speciality", "beat", "talk", "talks", "article", "articles",
    "post", "posts", "blog", "paper", "papers", "book", "books", "interview", "interviews",
    "episode", "episodes", "podcast", "presentation", "panel", "keynote", "lecture", "series",
    "investigation", "investigations", "story", "stories", "byline", "bylines", "column",
    "columns", "op-ed", "essay", "essays", "piece", "pieces", "newsletter", "thread",
    "portfolio", "designs?", "fieldwork", "evaluations?", "modell?ing", "analysis", "analyses",
    "study", "studies", "opinions?", "decisions", "rulings", "slides", "workshop", "webinar",
    "course", "class", "seminar", "restaurant", "shop", "store", "brand", "campaigns?",
    "app", "apps", "products?", "tools?", "platform", "efforts", "advocacy", "service",
    "tenure", r"time (?:at|as|in) (?!your\b)", "contributions", "publications?", "findings",
    "reports?", "features?", "write-ups?", "writeups?", "tutorials?", "documentar(?:y|ies)",
    "salon", "kitchens?", "hotel", "chapters?", "reviews?", "briefings?", "trials?",
    "commentary", "post-?mortems?", "retrospectives?", "teardowns?",
    "guides?", "handbooks?", "textbooks?", "casebooks?", "cases?", "clients",
    "sessions?", "interactives?", "visuali[sz]ations?", "dashboards?", "case stud(?:y|ies)",
    "patients", "ward", "unit", "wards", "grants?", "policy", "policies", "submissions?",
    "films?", "show", "album", "exhibit", "exhibition", "collection", "photographs?",
    "photography", "storymaps?", "maps?", "art", "music", "code", "repo", "library",
    "dissertation", "thesis", "testimony", "op-eds", "videos?", "channel", "youtube",
    "career in", "career at", "career as", "career (?:from|since|moving|shift)",
    "career path", "path", "trajectory", "journey", "route",
    "path (?:from|into|to|in|at|as)",
    "journey (?:from|into|to|in|at|as)", "current", "previous", "former", "recent", "new",
    "approach(?:es)? to", "files?", "awards?", "citations?", "restorations?",
    "reels?", "clips?", "vlogs?", "tweets?", "streams?", "livestreams?", "tiktoks?", "station",
    "crew", "farm", "vineyard", "winery", "site", "sets", "builds?", "installs?", "covers?",
    "illustrations?", "judgments?", "judgements?", "jump", "leap", "shift", "career change",
    "mentorship", "mentoring", "leadership", "supervision",
    r"time (?:running|leading|managing|building|heading|with)",
)  # fmt: skip
_THEIR_WORK_VERBS = (
    "worked", "work", "works", "working", "spent", "spend", "built", "build", "building", "led",
    "lead", "leading", "moved", "made", "make", "founded", "co-founded", "cofounded", "started",
    "start", "run", "ran", "running", "manage", "managed", "managing", "direct", "directed",
    "directing", "clerked", "wrote", "write", "written", "writing", "published", "publish",
    "designed", "design", "designing", "teach", "taught", "teaching", "oversee", "oversaw",
    "overseeing", "left", "joined", "became", "become", "created", "create", "launched",
    "launch", "developed", "develop", "covered", "cover", "covering", "research", "researched",
    "studied", "study", "practice", "practiced", "practise", "specialize", "specialise",
    "specialized", "handle", "handled", "coach", "coached", "did", "done", "doing",
    "represent", "represented", "served", "serve", "serving", "volunteer", "volunteered",
    "organized", "organised", "host", "hosted", "hosting", "spoke", "speak", "presented",
    "gave", "shared", "posted", "talked", "discussed", "described", "explained",
    "transitioned", "switched", "pivoted", "went", "helped",
    "help", "helping", "advise", "advised", "advising", "edit", "edited", "editing",
    "produce", "produced", "producing", "report", "reported", "reporting", "own", "owned",
    "opened", "grew", "scaled", r"set\s+up", "setting up", "mentor", "mentored", "recruit", "hire",
    "hired", "trained",
    "train", "consult", "consulted", "invest", "invested", "investing", "curate", "curated",
    "negotiate", "negotiated", "litigate", "litigated", "argued", "treat", "treated", "care",
    "chose", "choose", "assess", "assessed", "test", "tested", "verify", "verified",
    r"came\s+to", r"got\s+into",
)  # fmt: skip
# Words between "your" and a noun of their work; "your advice on the field" or "your time
# in the industry" is not about their work.
_YOUR_GAP = (
    r"(?:(?!(?-i:advice|time|help|thoughts|views|insights?|perspectives?|opinions?|guidance|"
    r"input|on|about|of|for|in|to|into|with|from)\b)[\w'’&.-]+\s+){0,3}?"
)
_WHY_YOU = re.compile(
    r"\byour\s+" + _YOUR_GAP + "(?:" + "|".join(_THEIR_WORK_NOUNS) + r")s?\b"
    # a name of several words before the noun: "your NBA Section on Energy paper"
    r"|\byour\s+(?:(?-i:[A-Z])[\w&'’.-]*\s+(?:(?:on|of|for|and|&)\s+)?){1,5}(?:"
    + "|".join(_THEIR_WORK_NOUNS)
    + r")s?\b"
    # someone else's word on their work: "Dave says you do the best pipe welding in the city"
    # or on what they run: "Our tutor told me about your birthing centre in Chongwe"
    r"|\b(?:tells|told)\s+(?:me|us)\s+(?:all\s+)?about\s+(?:you\b|your\s)"
    r"|\b(?:says|said|tells\s+me|told\s+me|mentioned|thinks|thought)\s+(?:that\s+)?you(?:['’]re|"
    r"\s+are|\s+do|\s+know|\s+have|\s+run|\s+were|\s+built|\s+led)\b"
    r"|\byou(?:['’]re|\s+are|\s+were)\s+the\s+(?:best|right|ideal|perfect)\s+(?:person|people)\b"
    r"|\byou(?:['’]re|\s+are)\s+(?:one\s+of|an?\s+(?:\w+\s+)?(?:expert|authority|leader|"
    r"specialist|pioneer|veteran)|the\s+(?:person|expert|one|go-to))\b"
    r"|\byou(?:['’]ve|\s+have)?\s+(?:know|knew|understand|seen|been)\s+(?:\w+\s+){0,3}?"
    r"(?:about|more|a\s+lot|so\s+much|firsthand|first-hand|both|inside)\b"
    r"|\bas\s+(?:someone|somebody|a\s+person|one\s+of\s+the\s+(?:few|first))\s+who\b"
    r"|\byou(?:['’]ve|\s+have)\s+been\s+(?:at|in|with|on|a|an|the|working|leading|building|"
    r"doing|running)\b"
    r"|\byou\b[^.?!\n]{0,60}?\b(?:who|that)\s+(?:has|have|had|is|was)\s+(?:\w+\s+){0,2}?(?:"
    + "|".join(_THEIR_WORK_VERBS)
    + r")\b"
    r"|\byou(?:['’](?:ve|re|d)|\s+(?:have|had|are|were))?\s+(?:\w+\s+){0,2}?(?:"
    + "|".join(_THEIR_WORK_VERBS)
    + r")\b(?!\s+(?:for|with)\s+(?:me|my|considering|reading|your\s+time))"
    r"|\b(?:you|your|someone|somebody|people|person|anyone|team)\b[^.?!\n]{0,40}?\b(?:at|with)\s+"
    r"(?:the\s+)?(?-i:[A-Z])[\w&'’.-]*"
    r"|\b(?:in|at)\s+your\s+(?:field|company|organization|firm|team)\b"
    r"|\byou(?:['’]re|\s+are)\s+(?:now\s+|currently\s+)?(?:an?|the)\s+\w"
    r"|\b(?:as|like)\s+(?:an?|the)\s+(?:\w+\s+){0,2}?(?:at|with|for)\s+(?-i:[A-Z])"
    # Someone else's word for why this reader: "thought you'd be a great person to speak with".
    r"|\b(?:thought|thinks|said|felt)\s+you(?:['’]d|\s+would)\s+be\b"
    r"|\b(?:your\s+name|you)\s+in\s+the\s+credits\b"
    # what the student read or heard about them: "after reading about your ski resort pilot"
    r"|\b(?:read|reading|heard|hearing|learned|learning|learnt)\s+about\s+your\s+\w"
    # Their work met in a medium: "heard you on the Farmstrong podcast talking about…", "found
    # your name in the newsletter article about the new clinical leads".
    r"|\b(?:heard|saw|watched|caught|listened\s+to|read|found)\s+you\s+(?:on|in|through|via)\s+"
    r"(?:the|a|an|your)\s+(?:[\w'’&.-]+\s+){0,5}?(?:podcast|show|programme|program|panel|"
    r"interview|episode|video|documentary|film|radio|broadcast|webinar|livestream|feature|"
    r"segment|recording)\b"
    r"|\b(?:your\s+(?:name|profile)|you)\s+(?:in|on)\s+(?:the|a|an)\s+(?:[\w'’&.-]+\s+){0,8}?"
    r"(?:article|newsletter|report|piece|feature|interview|write-up|story|bulletin)\b"
    r"|\byour\s+(?:[\w'’&.-]+\s+){0,3}?(?:profile\s+(?:about|describing)|(?:feature|interview)\s+"
    r"(?:about|on|describing))\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(
    r"\?|\bwould\s+you\s+be\s+(?:willing|open|available|able)|\bcould\s+we\b|"
    r"\bI\s+wonder(?:ed)?\s+(?:if|whether)|\bI\s+was\s+wondering|\bmight\s+you\b|"
    r"\bwould\s+it\s+be\s+possible|\bif\s+you\s+(?:would|['’]d)\s+be\s+(?:willing|open|available)",
    re.IGNORECASE,
)
_FOLLOW_UP_PLAN = re.compile(
    # "I'll…", or the subject left out as in a terse note: "Will follow up next week."
    r"(?:\bI(?:['’]ll|\s+will|\s+shall|\s+plan\s+to|\s+intend\s+to|['’]d\s+like\s+to|"
    r"\s+would\s+like\s+to|['’]m\s+going\s+to|\s+am\s+going\s+to|\s+can|\s+could)|"
    r"(?:^|[.!?]\s+)(?:Will|Shall))\s+"
    r"(?:[\w'’-]+\s+){0,6}?(?:follow(?:\s+|-)?up|call|phone|ring|reach\s+(?:back\s+)?out|"
    r"give\s+(?:you\s+)?(?:a\s+)?(?:shout|bell|ring|buzz|call|nudge|tinkle)|mail|"
    r"check\s+(?:in|back)|send\s+(?:you\s+)?(?:a\s+)?(?:calendar\s+)?invite|drop\s+you\s+a\s+"
    r"(?:line|note)|"
    r"touch\s+base|try\s+(?:your|you|again)|e-?mail|write|text|message|stop\s+by|drop\s+by|"
    r"come\s+by|pop\s+(?:in|by|round)|swing\s+by|be\s+in\s+touch|get\s+back|circle\s+back|ping|contact|nudge|send\s+(?:you\s+)?"
    r"(?:a\s+)?(?:\w+\s+)?(?:note|reminder|message|email|follow-up|follow\s+up))\b",
    re.IGNORECASE,
)


def name_parts(name: str) -> list[str]:
    """The words of a person's name a reader would recognise: "Dr. Ana Ortiz" -> Ana, Ortiz."""
    words = re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", name)
    return [w for w in words if len(w) > 1 and w.lower() not in _TITLES]


def referral(doc: Doc, context: CheckContext) -> list[Finding]:
    """`missing-referral` and `referral-late`: name the person who sent you, and name them early."""
    if not context.referrer_name or not name_parts(context.referrer_name):
        return []
    mentions = [
        m for m in _name_mentions(doc.text, name_parts(context.referrer_name))
        if doc.sentence_index(m.start()) >= 0
    ]  # fmt: skip
    if not mentions:
        message = (
            f"Mention {context.referrer_name}. A mutual contact is the strongest reason for a "
            "stranger to say yes, and leaving the name out wastes the introduction you were given."
        )
        return [Finding("missing-referral", "error", message)]
    first = mentions[0]
    if doc.sentence_index(first.start()) < 2:
        return []
    message = (
        f"Name {context.referrer_name} in your first sentence or two. Busy people skim; a familiar "
        "name at the top tells them at once that this note is worth reading."
    )
    return [Finding("referral-late", "warning", message, first.start(), first.end())]


def _name_mentions(text: str, parts: list[str]) -> list[re.Match[str]]:
    """Where the text names someone with these name words, in order.

    A name that is also an everyday word (Rose, Grant, Will, Hope) counts only when it is
    written as a name: capitalised, and not as part of a title ("the Will of the Wisps") or at
    the start of a sentence unless the full name follows.
    """
    from coffeechat.domain.checker.spelling import speller

    found: list[re.Match[str]] = []
    full = re.compile(r"\s+".join(re.escape(p) for p in parts), re.IGNORECASE)
    found += list(full.finditer(text))
    for part in parts:
        common = speller().word_usage_frequency(part.lower()) >= _COMMON_WORD
        if not common:
            found += list(re.finditer(rf"\b{re.escape(part)}\b", text, re.IGNORECASE))
            continue
        for match in re.finditer(rf"\b{re.escape(part)}\b", text):
            before = text[max(0, match.start() - 12) : match.start()]
            after = text[match.end() : match.end() + 40]
            sentence_start = re.search(r"(?:^|[.!?]\s+|\n\s*)$", before) is not None
            in_title = re.search(r"\bthe\s+$", before) or re.match(r"\s+of\b", after)
            # a sentence may start with a name and say who they are: "Rose, my tutor at…"
            named = _APPOSITION.match(after)
            if named or not (sentence_start or in_title):
                found.append(match)
    return sorted(found, key=lambda m: m.start())


# "Rose, my tutor at…", "Will, your colleague,": a comma and who the person is.
_APPOSITION = re.compile(
    r",\s+(?:my|our|your|a|the)\s+(?:[\w'’-]+\s+){0,2}?(?:tutor|lecturer|professor|supervisor|"
    r"adviser|advisor|mentor|manager|boss|colleague|friend|classmate|coach|teacher|cousin|aunt|"
    r"uncle|neighbou?r|contact|former|old|old\s+boss)\b"
)
# Name words at least this common as English words need a name-like use (see _name_mentions).
_COMMON_WORD = 5e-6


def missing_source(doc: Doc, context: CheckContext) -> list[Finding]:
    if context.referrer_name or _SOURCE.search(doc.text):
        return []
    message = (
        "Say how you found them: the alumni network, LinkedIn, an article or talk of theirs. "
        "It shows you chose them on purpose and makes your note feel less like a cold call."
    )
    return [Finding("missing-source", "hint", message)]


# A reader who already knows the student: "Your advice ... really paid off. Thanks again."
_ALREADY_MET = re.compile(
    r"\b(?:thanks|thank\s+you)\s+again\b|\byour\s+advice\s+(?:to|about|on)\b|"
    r"\b(?:as|like)\s+you\s+(?:suggested|advised|recommended)\b",
    re.IGNORECASE,
)


# An introduction blurb names the student in the third person: "Ana Torres is a final-year HCI
# student at Waterloo".
_INTRODUCED_AS = re.compile(
    rf"\b[{_UPPER}][\w'’-]+(?:\s+[{_UPPER}][\w'’-]+){{0,2}}\s+is\s+(?:an?|the|currently|now)\s+"
    rf"(?:(?:[\w'’-]+\s+){{0,5}}?(?i:{_ROLE})|(?i:junior|senior|sophomore|freshman|fresher)\b)"
)


def missing_introduction(doc: Doc, context: CheckContext) -> list[Finding]:
    blurb = context.kind == "introduction-blurb"
    if blurb and _INTRODUCED_AS.search(doc.text):
        return []
    if _INTRODUCTION.search(doc.text) or _ALREADY_MET.search(doc.text):
        return []
    message = (
        "Introduce yourself briefly: your name and your school, program or current role. "
        "A reader who knows who is asking finds it much easier to help."
    )
    return [Finding("missing-introduction", "warning", message)]


# Their work named only by a blank left to fill in: "your research on ___".
_BLANK_AFTER = re.compile(r"\s+(?:on|about|into|in|at|for)\s+_{2,}")
# A note admitted to be one of many: "I'm reaching out to a number of professionals".
_ONE_OF_MANY = re.compile(
    r"\b(?:reaching\s+out|writing|reaching)\s+(?:out\s+)?to\s+(?:a\s+number\s+of|several|many|"
    r"various|a\s+few|lots\s+of)\s+(?:\w+\s+)?(?:professionals|people|experts)\b",
    re.IGNORECASE,
)


def missing_why_you(doc: Doc, context: CheckContext) -> list[Finding]:
    if not _ONE_OF_MANY.search(doc.text) and any(
        not _BLANK_AFTER.match(doc.text, m.end()) for m in _WHY_YOU.finditer(doc.text)
    ):
        return []
    message = (
        "Add a line on why you're writing to this person in particular: their field, "
        "organization, role or experience. It tells them their story is the one you want to hear."
    )
    return [Finding("missing-why-you", "warning", message)]


def missing_question(doc: Doc, context: CheckContext) -> list[Finding]:
    if _QUESTION.search(doc.text):
        return []
    message = (
        'Phrase your request as a question, such as "Would you be open to a 20-minute call?" '
        "A question is easy to answer and leaves the choice with them."
    )
    return [Finding("missing-question", "hint", message)]


def missing_follow_up_plan(doc: Doc, context: CheckContext) -> list[Finding]:
    if context.channel != "email" or _FOLLOW_UP_PLAN.search(doc.text):
        return []
    message = (
        "Say how and when you'll follow up, for example \"I'll call your office next Tuesday.\" "
        "It keeps the next step in your hands, so they never have to chase you."
    )
    return [Finding("missing-follow-up-plan", "hint", message)]
