"""`asks-for-job`: an informational interview asks for advice, never for a job.

A phrase list misses most real job asks ("would you be willing to put in a good word", "is your
team hiring right now?", "I'd be grateful to be kept in mind") and trips over innocent ones
("how did you get your first job?", "I'm glad to send my resume beforehand"). So each sentence is
read as a small structure:

1. It is normalised: lower case, straight apostrophes, contractions spelt out ("I'd" -> "i
   would", "isn't" -> "is not"), accents dropped, and words that are a typo away from the
   vocabulary of job asks corrected ("intership", "oppertunities", "reccomend").
2. Patterns look for who asks whom for what: the student asking the reader to refer, recommend,
   consider, vouch for, put forward or keep them in mind; asking whether the reader's team (or
   a named employer, in a question to the reader) is hiring, taking on or looking for people,
   or has openings; asking for their resume to be passed to someone who decides; hoping to
   join, get in at or work under the reader's team; asking whether they'd fit a role;
   announcing a present job search or availability, or welcoming leads.
3. Guards then read the clause around each match: a negation before it ("I'm not asking for a
   job"), a question *about* the topic (how, what, which: "how hiring works in your field"),
   someone else as the subject ("advice for students applying for jobs"), the past ("when I was
   looking for internships last year") or a search that is years away.
4. Where no pattern finds an ask, the sentence is read for its structure (round 3,
   `_directed_asks`): an ask aimed at the reader ("could you", "if you", "any chance", "is
   there any scope", "I'd be grateful for", "I'd love") followed in the same clause by an
   employment object ("a paid placement", "work experience", "room on your crew for an
   apprentice") or verb ("take me on", "join as", "stay on with your team"), unless the words
   between ask about the topic ("tell me about your role"), name the reader's own job or past,
   or the student's own placement; or the thing asked for is a calendar slot.

`job_asks(text)` is shared with the question checker, so "Is your company hiring?" is caught
in an interview question too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from coffeechat.domain.checker.text import split_sentences

# --- normalisation ------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]")
_CONTRACTIONS = {
    "i'm": "i am", "i'd": "i would", "i'll": "i will", "i've": "i have",
    "you're": "you are", "you'd": "you would", "you'll": "you will", "you've": "you have",
    "we're": "we are", "we'd": "we would", "we'll": "we will", "we've": "we have",
    "they're": "they are", "they'd": "they would", "they'll": "they will",
    "it's": "it is", "that's": "that is", "there's": "there is", "what's": "what is",
    "who's": "who is", "he's": "he is", "she's": "she is", "let's": "let us",
    "won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not",
    "im": "i am", "ive": "i have", "dont": "do not", "wont": "will not", "cant": "can not",
    "id": "i would", "youre": "you are", "isnt": "is not", "arent": "are not",
}  # fmt: skip
# The words job asks are made of: a typo one or two letters from one of these is read as it.
_VOCABULARY = [
    "job",
    "jobs",
    "internship",
    "internships",
    "intern",
    "interns",
    "position",
    "positions",
    "opening",
    "openings",
    "opportunity",
    "opportunities",
    "vacancy",
    "vacancies",
    "hiring",
    "hire",
    "hired",
    "refer",
    "referral",
    "referred",
    "recommend",
    "recommendation",
    "recommended",
    "resume",
    "considered",
    "consider",
    "consideration",
    "available",
    "application",
    "applying",
    "apply",
    "recruiter",
    "recruiters",
    "interested",
    "looking",
    "searching",
    "seeking",
    "currently",
    "team",
    "company",
    "employment",
    "candidate",
    "candidacy",
]
_LONG_ENOUGH_FOR_TWO_EDITS = 7


@dataclass(frozen=True, slots=True)
class _Normalised:
    text: str
    starts: tuple[int, ...]  # for each character of `text`, an offset into the original
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        end = max(start + 1, end)
        return self.starts[start], self.ends[end - 1]


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'").lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# An introduction blurb speaks of the student in the third person, for the referrer to forward:
# read "she is looking for a junior role" as the student's own "I am looking for…".
_THIRD_PERSON = {
    "she": "i", "he": "i", "she's": "i am", "he's": "i am", "she'd": "i would",
    "he'd": "i would", "she'll": "i will", "he'll": "i will", "herself": "myself",
    "himself": "myself",
}  # fmt: skip


def normalise(text: str, offset: int = 0, third_person: bool = False) -> _Normalised:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for token in _TOKEN.finditer(text):
        word = _fold(token.group())
        if word == "em" and text[token.start() - 1 : token.start()] in ("'", "’"):
            word = "them"  # "send 'em my way"
        if word.endswith("n't") and word not in _CONTRACTIONS:
            word = word[:-3] + " not"
        if third_person:
            word = _THIRD_PERSON.get(word, word)
        word = _CONTRACTIONS.get(word, word)
        if word.isalpha() and len(word) >= 4:
            word = _corrected(word)
        # "eye-opening" is one word: joined by "_", the patterns' word boundaries skip it.
        word = word.replace("-", "_") if len(word) > 1 else word
        if chars:
            chars.append(" ")
            starts.append(offset + token.start())
            ends.append(offset + token.start())
        for ch in word:
            chars.append(ch)
            starts.append(offset + token.start())
            ends.append(offset + token.end())
    return _Normalised("".join(chars), tuple(starts), tuple(ends))


@lru_cache(maxsize=4096)
def _corrected(word: str) -> str:
    if word in _VOCABULARY_SET:
        return word
    from coffeechat.domain.checker.spelling import speller

    if speller().known([word]):
        return word
    limit = 2 if len(word) >= _LONG_ENOUGH_FOR_TWO_EDITS else 1
    best = min(_VOCABULARY, key=lambda v: _distance(word, v, limit + 1))
    return best if _distance(word, best, limit + 1) <= limit else word


_VOCABULARY_SET = frozenset(_VOCABULARY)


def _distance(a: str, b: str, cap: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), giving up past `cap`."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= cap:
            return cap
        previous2, previous = previous, current
    return min(previous[-1], cap)


# --- patterns -----------------------------------------------------------------------------

_JOB = (
    r"(?:jobs?|internships?|intern(?:ing)? (?:positions?|roles?|spots?)|"
    # "a position on your team", not "my position on remote work"; not "the role of data".
    r"positions?(?! (?:of|that)\b)(?! on (?!(?:your|the|their|his|her|our) "
    r"(?:[\w'-]+ )?(?:team|desk|staff|crew|ward|unit|board|squad|floor)\b))|"
    r"roles?(?! (?:of|model|models|in (?:the|a|an|shaping|helping)|play|plays)\b)|"
    r"openings?|vacanc(?:y|ies)|employment|co[-_]?ops?|placements?|spots?|"
    r"opportunit(?:y|ies)(?! (?:to|for) (?:speak|talk|learn|hear|meet|chat|connect|ask|discuss|"
    r"get to know|sit down|pick|understand|find out|share|see|visit|shadow|interview you|"
    r"reflect|grow|practice|explore))|"
    r"offers?|gigs?|fellowships?|(?:job |role |position )?postings?|"
    r"job (?:listings?|adverts?|ads?)|"
    r"(?:suitable|vacant|open|available) posts?|(?:short_term|fixed_term|temporary|temp|paid|"
    r"freelance|part_time|full_time|permanent|summer|junior) contracts?|"
    r"apprenticeships?|residenc(?:y|ies)|clerkships?|"
    r"externships?|analyst|associate|(?:casual|part_time|paid|temporary|temp|holiday|seasonal|"
    r"freelance|contract|shift) work|work experience|(?:freelance|paid|extra|casual|weekend|"
    r"bank|locum|relief|trial) shifts?|locums?|(?:nursing|teaching|junior|graduate|first|"
    r"permanent|full_time|part_time|research|training|trainee|staff|registrar|foundation|"
    r"entry_level|assistant|nurse|midwife|doctor|teacher|lecturer|tutor|engineer|technician|"
    r"officer|clerk|pharmacist|houseman|housemanship|medical officer|manager|coordinator|"
    r"administrator|analyst|scientist|researcher) posts?|"
    # "the graduate programme" (a job scheme); "graduate programs" are often degrees
    r"(?:graduate|grad|summer|vacation|spring) (?:schemes?|intakes?)|(?:graduate|grad) programme|"
    r"training contracts?|"
    r"(?:next|new|graduate|grad|analyst|trainee|summer|fast_stream|incoming) (?:[\w'-]+ )?"
    r"(?:cohorts?|intakes?)|"
    # South Africa's learnerships, India's articleships, Kenya's industrial attachments
    r"learnerships?|articleships?|industrial attachments?|"
    r"pupillages?|traineeships?|(?:training|trainee|rotational|leadership|"
    r"internship|apprenticeship) (?:schemes?|programmes?|programs?|intakes?))"
)
# Nothing but job words and their modifiers between an ask and its object.
_GAP = r"(?:(?!(?:on|about|of|into|for|to|how|what|advice|tips|information|insights?|perspectives?|your|their|his|her)\b|(?:my|our) [\w-]+'s\b)[\w'-]+ ){0,4}?"  # noqa: E501
_WORDS = r"(?:[\w'-]+ ){0,5}?"
_ORG_NOUN = (
    r"(?:team|teams|company|firm|organi[sz]ation|org|group|agency|office|department|lab|"
    r"studio|practice|newsroom|desk|division|unit|shop|startup|employer|bank|school|hospital|"
    r"restaurant|kitchen|hotel|salon|cafe|bar|ward|museum|gallery|theatre|theater|library|"
    r"charity|foundation|nonprofit|ngo|station|farm|store|bakery|garage|consultancy|surgery|"
    r"pharmacy|council|ministry|crew|site|firm's|business|house|outfit|publication|"
    r"clinic|side|end|branch|chambers|paper|magazine|network|program|center|centre|institute)"
)
_YOU_ALL = r"(?:you all|you guys|you folks|you lot|you people|y'all)"
_THEIR_ORG = rf"(?:your (?:[\w'-]+ ){{0,2}}?{_ORG_NOUN}|{_YOU_ALL})"
# Someone a team takes on: "a research technician", "an extra outreach worker".
_PERSON = (
    r"(?:interns?|trainees?|apprentices?|juniors?|graduates?|grads?|freshers|assistants?|fellows?|"
    r"analysts?|associates?|engineers?|designers?|developers?|technicians?|officers?|"
    r"coordinators?|workers?|nurses?|chefs?|cooks?|hands|staff|researchers?|scientists?|"
    r"specialists?|consultants?|writers?|editors?|reporters?|planners?|teachers?|tutors?|"
    r"paralegals?|clerks?|operators?|managers?|members?|helpers?|volunteers?|students?|"
    r"solicitors?|lawyers?|accountants?|auditors?|pharmacists?|vets?|doctors?|physicians?|"
    r"therapists?|physios?|physiotherapists?|midwives|midwife|paramedics?|electricians?|"
    r"plumbers?|carpenters?|mechanics?|journalists?|producers?|animators?|programmers?|"
    r"architects?|surveyors?|economists?|statisticians?|postdocs?|residents?|registrars?|"
    r"hires?|recruits?|newcomers?|joiners?|starters?|teaching assistants?|tas|ras|devs?|"
    r"(?:junior|graduate|grad|entry_level|trainee|apprentice|summer|vacation|placement|freelance|"
    r"part_time|temporary|seasonal|casual|contract) [\w'-]+|contributors?|freelancers?|"
    r"part_timers?|temps|runners?|pupils?)"
)
# The student described from outside: "someone with my background would be a good fit".
_LIKE_ME = (
    r"(?:someone|somebody|a person|a student|a candidate|a graduate) (?:like me|like myself|with "
    r"my (?:[\w'-]+ )?(?:background|profile|experience|skills|skill set|skillset|cv|resume))"
)
_RESUME = (
    r"(?:resume|resumes|cv|cvs|application|applications|portfolio|candidacy|candidature|profile)"
)
_THIRD_PARTY = (
    r"(?:selection|panel|committee|assessors?|hiring|recruit\w*|hr|human resources|talent|team|"
    r"teams|manager|managers|colleagues?|"
    r"people|person|whoever|anyone|anybody|someone|somebody|right|decision|partners?|boss|"
    r"department|lead|leads|director|company|firm|office|internal)"
)

# Who can hire or route a candidate: "refer me to the hiring manager" (not "to a colleague").
_RECRUITING = (
    r"(?:hiring|recruit\w*|hr|human resources|talent|team|manager|managers|decision|boss|"
    r"director|department|internal|lead|leads|company|firm|partners?|principal|founders?|head)"
)

_PATTERNS: tuple[tuple[str, str], ...] = (
    # Whether the reader's team is hiring.
    (
        "hiring",
        r"\b(?:is|are|be|was|were|been|currently|still|actively|now) (?:(?:[\w'-]+ ){0,5}?hiring|"
        r"(?:(?!(?:it|this|that|mostly|mainly|largely|all|usually|typically|generally|done|"
        r"through|via|more|less|the)\b)[\w'-]+ ){0,3}?recruiting)\b(?! (?:process|processes|"
        r"manager|managers|practices?|committee|"
        r"decisions?|criteria|season|trends?|cycle|timelines?|works|looks|freeze|needs|bar|"
        r"landscape|participants|subjects|volunteers|patients|for (?:a|the|our|my|your|this) "
        r"(?:study|trial|survey|research|project))\b)",
    ),
    (
        "hiring",
        r"\b(?:anyone|anybody|someone|somebody|teams?|companies|firms|places|"
        r"organi[sz]ations|people|groups?) (?:who|that|which)? ?(?:is|are|might be|may be)? ?"
        r"(?:currently |actively )?hiring\b",
    ),
    ("hiring", r"\b(?:plans?|planning|plan|expect|expecting|budget) (?:on |to )?hir(?:e|ing)\b"),
    (
        "hiring",
        r"\bhiring (?:for|any|interns|new grads|summer|this|next|right now|at the moment|"
        r"soon|again|junior|entry)\b(?! (?:process|works|looks))",
    ),
    (
        "hire",
        r"\b(?:hire|hiring|employ|employing|bring on|take on|onboard|absorb|absorbing|retain|"
        r"retaining|engage|engaging|take in|taking in) me\b|\b(?:take|taking|bring|"
        r"bringing) me (?:on|onboard|aboard)\b",
    ),
    ("hired", r"\b(?:be|being|get|getting|got) (?:\w+ )?hired\b"),
    (
        "taking-applicants",
        r"\b(?:is|are|does|do) [\w'-]+(?: [\w'-]+){0,3}? (?:currently |still |even |ever )?"
        r"(?:taking|"
        r"take|taking on|take on|hiring|hire|recruiting|recruit|accepting|accept|bringing on) "
        rf"(?:any |new |more |on )?(?:[\w'-]+ )?(?:{_PERSON}|new grads|grads)\b",
    ),
    (
        "hire",
        rf"\b(?:{_YOU_ALL}|you|your \w+(?: \w+)?|they|anyone|anybody) (?:are |is |might be |"
        r"may be |would be |will be |be |were |would |could |might |will )?"
        r"(?:currently |still |ever )?"
        r"(?:taking on|take on|"
        r"takes on|bringing on|bring on|brings on|accepting|accepts|accept|hosting|hosts|host|"
        r"adding|recruiting|recruits|recruit|in need of|taking|takes|take|receiving|receive|"
        r"bringing in|bring in|absorbing|absorb)(?: any| an?| more| new|"
        r" on)? (?:[\w'-]+ ){0,2}?(?:co[_-]?ops?|new grads|hires?|help|anyone|anybody|people|staff|"
        rf"applicants|applications|candidates|team members|{_PERSON})\b(?! (?:through|around|"
        r"to|on (?:a |the )?(?:tours?|visits?)|for (?:a |the )?(?:tours?|visits?|shadow\w*|coffee|"
        r"chats?|calls?|lunch)|as mentees)\b)",
    ),
    ("hire", r"\b(?:throw|toss|put|throwing|tossing|putting) my hat in(?:to)? the ring\b"),
    (
        "hire",
        r"\b(?:throw|toss|put|throwing|tossing|putting) my hat in for (?:the |a |an |your |any )?"
        rf"(?:[\w'-]+ ){{0,3}}?(?:{_JOB}|programmes?|programs?|schemes?|intakes?)\b",
    ),
    # "If a seat ever opens up on your research desk"
    (
        "opening",
        r"\b(?:seat|place|spot|slot|chair) (?:\w+ )?(?:opens?|frees?|comes?) up (?:on|in|at) your "
        r"(?:[\w'-]+ )?(?:team|desk|crew|lab|staff|unit|ward|practice|firm|office|studio)\b",
    ),
    # Leave to apply to the reader's team: "let me know if I can apply to your team directly".
    (
        "applying-yours",
        r"\b(?:if|whether) i (?:can|could|might|may|should) apply (?:directly )?(?:to|for|with|"
        r"through|at) (?:your|you)\b|\bif so(?: ,)? i (?:would|will|could|might) (?:\w+ )?(?:love |"
        r"like |be keen |be glad |be happy |want )?(?:to )?apply\b",
    ),
    # The reader's team needing someone: "if your kitchen ever needs an extra pair of hands".
    (
        "needs",
        rf"\b(?:{_YOU_ALL}|you|your (?:[\w'-]+ ){{0,2}}?[\w'-]+|they|"
        rf"(?:are|is|do|does) (?:{_YOU_ALL}|you|your "
        r"(?:[\w'-]+ ){0,2}?[\w'-]+|they)) "
        r"(?:ever |ever happen to |happen to |should |do |does )?(?:need|needs|want|wants|"
        r"could use|can use|are looking for|is looking for|looking for|in need of|"
        r"have (?:a |any )?need (?:of|for)|"
        r"find (?:yourselves|yourself|itself) "
        r"needing)(?: an?| another| some| any| more| extra| one more)? (?:[\w'-]+ ){0,2}?"
        r"(?:interns?|hands|pair of hands|(?:summer|extra|seasonal|holiday|part_time|temporary|"
        r"casual|weekend|more) help|"
        r"assistants?|analysts?|trainees?|apprentices?|juniors?|designers?|developers?|"
        r"engineers?|staff)\b",
    ),
    (
        "needs",
        r"\b(?:you|your (?:[\w'-]+ ){0,2}?[\w'-]+|they|the (?:team|hotel|lab|studio|office|"
        r"practice|firm|company|salon|kitchen|restaurant|crew|ward|unit)) (?:[\w'-]+ ){0,4}?"
        r"(?:looking for|seeking|after|recruiting|in need of|short of|needs?|could use) (?:an?|"
        rf"another|one more|any|some|extra|more|anyone|someone) (?:[\w'-]+ ){{0,2}}?{_PERSON}\b|"
        r"\b(?:you|your (?:[\w'-]+ ){0,2}?[\w'-]+|the (?:team|hotel|lab|studio|office|practice|"
        r"firm|company|salon|kitchen|restaurant|crew|ward|unit)) (?:ever )?(?:needs?|could use) "
        r"(?:anyone|someone|somebody|an extra pair of hands|a hand|extra help)\b",
    ),
    (
        "needs",
        r"\b(?:teams?|firms?|companies|company|groups?|labs?|offices?|departments?|anyone|anybody)"
        r"(?: (?:at|in|on) [\w'-]+(?: [\w'-]+)?)? (?:is|are) (?:currently |still |now |actively )?"
        r"(?:looking for|seeking|after|recruiting|in need of) (?:an? |any |some |more |new )?"
        rf"(?:[\w'-]+ )?{_PERSON}\b",
    ),
    (
        "room",
        r"\b(?:room|space|a place|a spot|capacity|budget|headroom|availability|places) for (?:me "
        r"(?:on|in|at|with) "
        r"(?:your|the) |(?:someone|somebody|a student|a grad|a graduate) (?:like me|with my)\b|"
        rf"(?:a |an |another |one more )(?:[\w'-]+ ){{0,3}}?(?:{_PERSON}|hires?)\b)",
    ),
    # A hope that the conversation turns into a job: "could lead to a placement with you".
    (
        "lead-to",
        r"\b(?:(?:lead|leads|turn|turns|grow|grows) (?:in)?to|(?:an? )?(?:first |small )?(?:step|"
        r"steps|stepping stone|way in|route|path|pathway|foot in the door) (?:towards?|to|into)|"
        r"with a view to|in the hope of) (?:an? |some |any |the )?"
        rf"(?:[\w'-]+ ){{0,2}}?{_JOB}\b",
    ),
    # The reader's team taking the student for a stretch: "whether your team could take me
    # from January", "could you have me for the summer".
    (
        "take-me",
        r"\b(?:take|taking|have|having|host|hosting) me (?:on )?(?:from|starting|as (?:an? |your )"
        rf"?(?:[\w'-]+ )?{_PERSON}|for (?:the |a |an |my )?(?:[\w'-]+ )?(?:placement|internship|"
        r"summer|term|semester|months?|weeks?|year)|(?:this|next) (?:summer|autumn|fall|spring|"
        r"winter|term|semester|year)|in (?:january|february|march|april|may|june|july|august|"
        r"september|october|november|december))\b",
    ),
    (
        "exist",
        rf"\b(?:room|space|a place|a spot|an opening|a seat) (?:for me )?(?:on|in|at|with) "
        rf"{_THEIR_ORG}",
    ),
    # Openings, vacancies, open positions: words that only ever mean a job to be filled.
    (
        "opening",
        r"\b(?:openings|opening(?= ?(?:$|[,.;:!?)]|at|for|on|in|with|within|that|which|is|are|"
        r"available|open|coming|come|comes|came|here|there|now|soon|anywhere)\b)"
        r"|vacanc(?:y|ies)(?! (?:rates?|levels?|figures|data|trends?|and voids?|periods?|"
        r"allowances?|chains?|risk|costs?)\b)|job postings?|"
        r"open (?:positions?|roles?|jobs?|"
        r"spots?|reqs?|requisitions?|internships?|headcount)|headcount)\b",
    ),
    (
        "opening",
        rf"\b{_JOB} (?:(?:that|which) )?(?:(?:are|is|might be|may be|will be|"
        r"could be|come|comes|coming) )?(?:currently |ever |should |does |do |happens to |"
        r"still |now |"
        r"happen to )?(?:open|available|opening up|open up|opens up|come up|comes up|coming up|"
        r"pop up|pops up|free up|frees up|comes round|comes around|come round|come around|"
        r"comes? free|becomes? free|becomes? available|crops? up|arises?|"
        r"opens(?= (?:on|in|at|with) (?:your|the)))\b",
    ),
    (
        "opening",
        r"\b(?:anything|something|an? (?:\w+ )?(?:contract|post|posting|vacancy|role|job|"
        r"position|placement)|any (?:\w+ )?(?:contracts|posts|postings|roles|jobs|positions|"
        r"placements)) (?:\w+ )?(?:\w+ )?(?:opens|open|opening|comes|come|coming|pops|pop) up\b",
    ),
    (
        "opening",
        rf"\b(?:anything|something|a (?:job|role|position|spot|place)|any {_JOB}) (?:\w+ )?going\b"
        r"(?! (?:on(?! (?:your|the next))|to|well|through|ahead|right|wrong|around|round|back|out|"
        rf"in(?! (?:your|the (?:[\w'-]+ )?{_ORG_NOUN}\b))\b)\b)",
    ),
    (
        "opening",
        rf"\b(?:is|are) (?:the|that|this|your|those|these) (?:[\w'-]+ ){{0,4}}?{_JOB} "
        r"(?:[\w'-]+ ){0,4}?(?:still |currently )?(?:open|available|unfilled|being filled|"
        r"accepting applications)\b",
    ),
    (
        "opening",
        rf"\b{_JOB} (?:is |are )?(?:still |currently |now )?(?:taking|accepting|open to|"
        r"looking for) (?:new )?(?:applicants|applications|candidates)\b",
    ),
    (
        "taking-applicants",
        r"\b(?:is|are) (?:[\w'-]+ ){0,6}?(?:still |currently |now |even )?(?:(?:taking|accepting) "
        r"(?:new |more |any )?(?:applicants|applications|candidates|interns|trainees)|(?:open to|"
        r"open for) (?:new |more |any )?(?:applicants|applications|candidates))\b",
    ),
    (
        "opening",
        rf"\b(?:any|an|the) (?:\w+ ){{0,2}}?{_JOB} (?:that )?(?:you|your team|you all)"
        r" (?:might|may|could|would)? ?(?:have|be offering|offer|be hiring for|are hiring for)\b",
    ),
    # Existence questions aimed at the reader's organisation.
    (
        "exist",
        rf"\b(?:are there|is there|do you have|does (?:[\w'-]+ ){{1,2}}have|would there be|"
        rf"might there be|will there be|any chance of|any chance there are|any|"
        rf"(?:whether|if) there (?:is|are|might be|would be|could be|will be)|(?:you|your \w+) "
        rf"(?:might |may |could |would )?(?:still )?(?:have|had|has)) "
        rf"(?:[\w'-]+ ){{0,3}}?{_JOB}\b",
    ),
    # Referred, recommended, considered, kept in mind.
    (
        "refer",
        r"\b(?:let|tell|letting|telling) (?:your |the )?(?:[\w'-]+ )?"
        rf"{_RECRUITING}(?: team| people)? know (?:that )?i am (?:\w+ )?(?:interested|keen|"
        r"available|applying|looking)\b",
    ),
    (
        "refer",
        r"\b(?:refer|referring|recommend|recommending|nominate|nominating|endorse|endorsing|"
        r"vouch for|vouching for|sponsor|put|submit|suggest|mention|flag|introduce|forward) me"
        r"(?= ?(?:$|[,.;:!?)]|and\b|if\b|or\b|when\b|internally|for\b|as (?:a|an|the)\b|forward|up "
        rf"for|(?:to|with) (?:the |your |a |an |one of )?(?:[\w'-]+ )?{_RECRUITING}\b|"
        r"to (?:the |your )?(?:\w+ )?(?:role|position|job|opening|internship)))",
    ),
    (
        "refer",
        r"\b(?:be|being|get|getting|been) (?:\w+ )?(?:referred|recommended|considered|"
        r"put forward|nominated|sponsored|kept in mind|shortlisted|interviewed)\b"
        r"(?! (?:to|by) (?:you|anyone|someone|other|others|people|colleagues|my)\b)",
    ),
    ("refer", r"\b(?:put|putting|say|saying|drop|dropping) in (?:a|one) (?:\w+ )?word\b"),
    ("refer", r"\b(?:put|putting|say|saying|drop|dropping) (?:a|one) (?:\w+ )?word in\b"),
    (
        "refer",
        r"\b(?:put|putting|pass|passing|send|sending|throw|throwing) (?:my name|me) "
        r"(?:forward|in|up|along|on|in the hat|in the mix|into the (?:mix|hat|ring|pot))\b"
        r"(?! (?:touch|contact))",
    ),
    (
        "refer",
        r"\b(?:act as|be|serve as|being) (?:a |my )?(?:referee|reference)\b|\b(?:give|provide|"
        r"write) me a (?:reference|referee)\b|\ba (?:reference|referee) for me\b",
    ),
    ("refer", r"\b(?:be|being) in the running\b"),
    (
        "refer",
        r"\b(?:flag|mention|recommend|refer|introduce|put) me to (?:[\w'-]+ ){0,5}?(?:running|"
        r"handling|managing|leading|in charge of|doing|responsible for) (?:the |your )?"
        r"(?:[\w'-]+ )?(?:intake|hiring|recruit\w*|scheme|programme|program|graduates?)\b",
    ),
    (
        "refer",
        r"\b(?:tell|telling|mention|mentioning|speak to|talk to) (?:your|the) (?:[\w'-]+ )?"
        rf"(?:{_RECRUITING}|recruiters?) (?:about|of) me\b|\b(?:put|putting) myself forward\b",
    ),
    (
        "refer",
        r"\b(?:meet|meeting|see|seeing|interview|interviewing|talk to|talking to|speak to|"
        r"speak with) me (?:about|for|regarding) (?:the|a|an|your|this|that) "
        rf"(?:[\w'-]+ ){{0,3}}?{_JOB}\b|\bconsider (?:this|my) (?:[\w'-]+ )?(?:note|email|message|"
        r"letter) (?:as|to be) (?:my|an) (?:formal )?application\b",
    ),
    (
        "refer",
        r"\b(?:refer|recommend|nominate|put|suggest|propose|mention) me (?:(?!for\b)[\w'-]+ ){1,6}"
        rf"for (?:the |a |an |any |this |that |your |their |his |her |its )?(?:[\w'-]+ ){{0,3}}?"
        rf"{_JOB}\b",
    ),
    (
        "refer",
        r"\b(?:apply|applying|application) (?:through|via) you\b|\byour name as (?:my |a |an )?"
        r"(?:referral|referee|reference|referrer|recommender)\b"
        r"|\b(?:use|put|list|give|mention|cite) "
        r"your name (?:[\w'-]+ ){0,4}?(?:on|in|for) (?:my|the|an?) (?:[\w'-]+ ){0,3}?"
        r"(?:application|form|cv|resume)\b",
    ),
    (
        "refer",
        r"\b(?:be|being|stay|staying|remain|get|getting) on (?:your|the) (?:[\w'-]+ )?radar\b"
        r"(?= (?:for|if|when|should)\b)",
    ),
    (
        "refer",
        r"\b(?:vouch|vouching|speak up|put in a word) for me\b|\b(?:mention|mentioning|drop|"
        r"dropping|pass|passing) my name (?:to|with|along to|on to)\b"
        r"|\b(?:put|putting) me forward\b|"
        r"\bput forward for\b",
    ),
    ("refer", r"\bmy name (?:forward|in the hat|in the mix|in front of)\b"),
    (
        "refer",
        r"\b(?:keep|keeping|kept|hold|have) (?:me|my name|my resume|my info|my "
        r"information|my application|my profile)(?: \w+)? (?:in mind|on (?:your |the )?radar|"
        r"on file|in consideration|posted (?:on|about) (?:any|openings|roles|positions|jobs))\b",
    ),
    ("refer", r"\b(?:kept|keep me|remember me|think of me) (?:in mind )?(?:for|if|when|should)\b"),
    ("refer", rf"\bconsider(?:ing)? (?:me|my (?:[\w'-]+ )?{_RESUME})\b"),
    (
        "refer",
        r"\b(?:consider(?:ing)? )?(?:sponsor|sponsoring|endorse|endorsing|back|backing|"
        r"nominate|nominating) (?:me|my (?:application|candidacy|nomination))\b",
    ),
    ("refer-bare", r"\b(?:think of|remember|consider|keep) me(?: in mind)?(?= ?(?:$|[,.;:!?]))"),
    (
        "refer",
        rf"\b(?:your|kind) consideration (?:for|of) (?:me |my (?:[\w'-]+ )?{_RESUME} )?(?:for )?"
        rf"(?:an? |the |any |this |that )?(?:[\w'-]+ ){{0,2}}?{_JOB}\b|"
        r"\b(?:for consideration|my candidacy|(?:a|an) referral(?! (?:only |really |actually |"
        r"often |usually |always |still )?(?:helps?|is|works|matters|means|carries|counts)\b|"
        r" (?:pathways?|systems?|"
        r"process\w*|letters?|forms?|networks?|schemes?|routes?|criteria|rates?|patterns?|guidelines?|"
        r"services?|centres?|centers?|coordinators?|from (?:a|the|their|your) (?:gp|doctor|"
        r"clinic)|to (?:a|the) (?:specialist|consultant|clinic|physio\w*))\b)|"
        r"(?:employee|internal) referral(?! (?:programmes?|programs?|schemes?|bonus\w*|systems?|"
        r"polic(?:y|ies)|process\w*|works)\b)|referral (?:for|to) (?:the |a |an |this |that |"
        r"your )?(?:\w+ ){0,3}?"
        r"(?:role|position|job|opening|internship|program))\b",
    ),
    (
        "refer",
        rf"\b(?:consider(?:ed|ing)?|recommend(?:ed|ing)?|refer(?:red|ring)?|nominat(?:e|ed|ing)|"
        rf"interview) "
        rf"(?:me |someone like me |a student like me |someone with my (?:[\w'-]+ ){{1,2}}?)?for "
        rf"(?:the |a |an |any |this |that |your |one of )?(?:[\w'-]+ ){{0,3}}?"
        rf"(?:{_JOB}|team)(?: (?:role|position|job|internship|opening|program))?\b",
    ),
    # The resume passed on, not merely offered.
    (
        "resume",
        rf"\b(?:pass|passing|passed|forward|forwarding|circulate|circulating|hand|"
        rf"handing|route|routing|flag|flagging) (?:\w+ )?(?:along |on )?(?:my|the attached|"
        rf"the) {_RESUME}\b",
    ),
    (
        "resume",
        rf"\b(?:send|sending|share|sharing|give|giving|get|getting|put|putting|submit|"
        rf"submitting|pass|forward|slip|slipping|pop|popping|show|showing|drop|dropping|hand|"
        rf"handing|flag|flagging|mention|email|emailing|bring|take|passing|forwarding) (?:\w+ )?"
        rf"(?:my|the attached) (?:{_RESUME}|name|details|contact details|info|information) "
        rf"(?:[\w'-]+ ){{0,2}}?"
        rf"(?:along |on |over )?(?:to|with|in front of|onto|on to|up to|into) (?:the |your |a |an |"
        rf"one of )?(?:[\w'-]+ )?{_THIRD_PARTY}\b",
    ),
    (
        "resume",
        rf"\bmy {_RESUME} (?:[\w'-]+ ){{0,3}}?(?:in front of|along to|on to|over to|to "
        rf"(?:the |your )?(?:\w+ )?(?:hiring|recruit\w*|hr|talent))\b",
    ),
    (
        "resume",
        rf"\b{_RESUME} (?:to|with) (?:the |your )?(?:\w+ )?(?:hiring|recruit\w*|hr|"
        r"talent)\b",
    ),
    (
        "resume",
        rf"\bmy {_RESUME} (?:[\w'-]+ ){{0,4}}?(?:to the attention of|in front of|seen by|reach|"
        rf"reaches|to reach) (?:the |your |a |an )?(?:[\w'-]+ )?{_THIRD_PARTY}\b",
    ),
    (
        "resume-to",
        rf"\b(?:so|so that|and) i (?:can|could|might) (?:send|pass|forward|email|submit|address) "
        rf"(?:\w+ )?(?:my|an?) {_RESUME}\b",
    ),
    # A CV sent to someone at the reader's organisation about a job.
    (
        "resume-to",
        rf"\b(?:send|pass|forward|email|give|address) (?:\w+ )?my {_RESUME} to\b",
    ),
    # "Shall I send my CV so you can pass it on to your talent team?"
    (
        "resume-it",
        r"\b(?:pass|passing|forward|forwarding|send|sending|hand|handing|flag|flagging|put|"
        r"putting|slip|pop|show|share|get|take) (?:it|them|that|this|those) (?:on |along |over "
        r"|across |up )?(?:to|with|in front of) (?:the |your |a |an )?(?:[\w'-]+ )?"
        rf"{_RECRUITING}\b",
    ),
    # A CV sent for a job: "if I sent you my CV for the apprenticeship you advertised".
    (
        "resume",
        r"\b(?:send|sent|sending|share|shared|submit|submitted|forward|email|emailed) (?:you |it )?"
        rf"my {_RESUME} (?:over |across |along |through )?"
        r"(?:for|in support of|regarding|about|towards) (?:the|your|this|that|a|an|"
        rf"any) (?:[\w'-]+ ){{0,3}}?{_JOB}\b",
    ),
    # Backing for an application to the reader's organisation.
    (
        "resume",
        r"\b(?:support|help|backing|assistance|sponsorship) (?:with|on|for) my (?:[\w'-]+ )?"
        r"(?:application|candidacy)s? (?:to|for|at|with) (?:your|you)\b",
    ),
    # Any work the reader's team could give: "I'd gladly take any work your office could offer".
    (
        "opening",
        r"\b(?:any|some) (?:[\w'-]+ )?work (?:that )?(?:you|your (?:[\w'-]+ ){0,2}?"
        rf"{_ORG_NOUN}) (?:could |can |might |may |would )?(?:offer|give|spare|have|send)\b",
    ),
    (
        "opening",
        r"\b(?:anything|something|any \w+) (?:that )?i (?:could|can|might|should) apply "
        r"(?:for|to)\b",
    ),
    # An application sent to the reader: "Could I send my application to you directly?"
    (
        "resume",
        r"\b(?:send|sending|submit|submitting|pass|give|direct|email|hand|put) (?:\w+ )?my "
        r"(?:application|applications|candidacy) (?:\w+ )?(?:to|with|through|via) you\b",
    ),
    # Getting in, joining, working there.
    (
        "get-in",
        rf"\b(?:get|getting|break|breaking|land|landing) (?:my foot |a foot |my feet )?"
        rf"(?:in|into) (?:the door )?(?:(?:at|to|with|on) )?(?:{_THEIR_ORG}|there|the (?:company|"
        rf"firm|team|organi[sz]ation))\b",
    ),
    (
        "get-in",
        r"\b(?:hop(?:e|es|ed|ing)|want(?:ing)?|love|like|try(?:ing)?|eager|keen|chance|help|"
        r"help me|way for me|shot at|dream(?:ing)? of|aim(?:ing)?|plan(?:ning)?) (?:\w+ ){0,2}?"
        r"(?:to )?(?:get|getting|break|breaking) (?:in|my foot in|a foot in)(?: the door)?"
        r"(?= ?(?:$|[,.;:!?]|at\b|with\b|there\b|somewhere\b|too\b|(?:at|with) [a-z]))",
    ),
    ("get-in", r"\b(?:get|getting) my foot in the door\b"),
    # "this might get me a foot in the door at your school": the meeting as the way in
    ("get-in", rf"\b(?:get|gets|getting) me (?:a |my )?foot in the door (?:at|with) {_THEIR_ORG}"),
    # "Getting into Pixar is my dream, and any help you could give": a named employer as the
    # goal, and the reader's help asked with it
    (
        "get-in",
        r"\b(?:getting|breaking) into (?!(?:the|a|an|this|that|my|animation|film|tech|law|"
        r"medicine|research|industry|journalism|publishing|finance|consulting)\b)[\w'-]+ "
        r"(?:[\w'-]+ )?is (?:my|a) (?:dream|goal|aim|hope)\b.{0,40}\bhelp (?:you|from you)\b",
    ),
    # Availability for work, offered to the reader: "I'll be available for full-time work from
    # January, in case that's ever useful to your team"
    (
        "offer",
        r"\bi (?:will|am|shall) (?:be )?(?:available|free) (?:for|to start) (?:[\w'_-]+ )?"
        r"(?:work|employment|roles?|positions?)\b.{0,60}\b(?:your|you)\b",
    ),
    # Hiring asked about in Spanish or Portuguese: "¿sabe si están contratando?", "há vagas?"
    (
        "hiring",
        r"\b(?:estan|esta|estao|estas) contratando\b|\b(?:hay|ha|tem|existem) vagas?\b|"
        r"\bhay (?:alguna )?vacantes?\b",
    ),
    # A career changer wanting to work at a studio: "would jump at the chance to work at Long
    # Hat House"
    (
        "join",
        r"\b(?:jump at|leap at|love|welcome) (?:the|any) (?:chance|opportunity) to (?:work|intern) "
        r"(?:at|for|with) (?!(?:the|a|an|this|that|some|any|my|our)\b)[\w'-]+",
    ),
    # Unpaid work for the reader's production: "I'd happily volunteer on your next shoot"
    (
        "join",
        r"\bi (?:[\w']+ ){0,3}?(?:volunteer|crew|work|help out) (?:on|at|for) your "
        r"(?:next |upcoming |new )?"
        r"(?:shoot|set|production|film|show|season|tour|project|build)\b",
    ),
    (
        "get-in",
        r"\b(?:help|chance|way|hope|shot) (?:\w+ ){0,2}?(?:to )?(?:get|getting|break|breaking) "
        r"(?:in|into) the door\b",
    ),
    (
        "get-in",
        rf"\b(?:get|getting) a (?:look_in|way in|foot in) (?:at|with|to) {_THEIR_ORG}|\b(?:any|a|"
        r"some) way in(?= ?(?:$|[,.;:!?]|at\b|with\b|for me\b))",
    ),
    (
        "get-in",
        r"\b(?:chance of|way to get|shot at|hope of) (?:a |my )?foot in the door\b|"
        r"\bfoot in the door(?= ?\?)",
    ),
    (
        "get-in",
        r"\b(?:get|getting|break|breaking) (?:in|my foot in the door|a foot in the door) "
        r"(?:at|with) (?!the (?:field|industry|sector))\w",
    ),
    (
        "join",
        rf"\b(?:join|joining|be part of|being part of|become part of|becoming part of|"
        rf"work (?:for|at|with|on|in)|working (?:for|at|with|on|in)|intern (?:at|with|for|on|in)|"
        rf"interning (?:at|with|for|on|in)|contribute to|contributing to|be on|"
        rf"freelance (?:for|at|with|on)|freelancing (?:for|at|with|on)|write for|writing for|"
        rf"help out (?:at|with|in|on)|helping out (?:at|with|in|on)) "
        rf"{_THEIR_ORG}(?![\w'])",
    ),
    (
        "join",
        r"\b(?:i (?:could|can|might|may)|(?:i|me)\b(?: [\w'-]+){0,3}? to) (?:\w+ )?(?:intern|work|"
        r"apprentice|volunteer) (?:for|under|alongside|with) you\b(?! (?:on|to|at)\b)",
    ),
    (
        "join",
        r"\b(?:dream|honou?r|privilege|love|like|hope|hoping|hopeful|wish|chance|opportunity|"
        r"grateful|thrilled|keen|eager) (?:[\w'-]+ ){0,3}?(?:to|i can|i could|i might|i may|i will "
        r"get to|i get to) (?:work|intern|train|apprentice) "
        r"(?:under|for|alongside) "
        r"you\b(?! (?:on|to)\b| at (?:the |a |an |your )?(?:[\w'-]+ )?(?:event|conference|"
        r"workshop|hackathon|fair|session|festival|panel|launch)\b)",
    ),
    (
        "join",
        rf"\b(?:end|ending) up (?:on|at|with|in|joining) {_THEIR_ORG}(?![\w'])"
        r"|\b(?:if|whether) you (?:would|could|will)"
        r" (?:ever )?have me\b|\b(?:you|your (?:[\w'-]+ ){0,2}?[\w'-]+) (?:would|could|might) "
        r"(?:ever |possibly |consider )?(?:have|having|take|taking) me (?:back|on|again)\b|"
        rf"\b(?:would|could|might|will) (?:you|your (?:[\w'-]+ ){{0,2}}?[\w'-]+|the (?:[\w'-]+ )?"
        rf"{_ORG_NOUN}) (?:ever |possibly |consider )?(?:have|having|take|taking) me "
        r"(?:back|on|again)\b|"
        # "I'd be thrilled if your clinic could take me" (for a rotation, as a trainee)
        rf"\b(?:if|whether) (?:you|your (?:[\w'-]+ ){{0,2}}?{_ORG_NOUN}) (?:could|would|can|might|"
        r"will) (?:ever |possibly )?take me(?= ?(?:$|[,.;:!?]|for\b|as\b|in\b|on board\b))",
    ),
    (
        "join",
        r"\b(?:join|joining) [\w-]+'s (?:[\w'-]+ ){0,2}?(?:team|desk|lab|studio|practice|"
        r"newsroom|unit|division|department|office|graduate (?:scheme|programme|program))\b",
    ),
    (
        "join",
        r"\b(?:join|joining) the (?:[\w'-]+ )?(?:team|firm|company|lab|studio|practice|newsroom|"
        r"desk|crew|kitchen|ward|office) (?:at|in) (?!(?:the|a|an|this|that|our|my)\b)[\w'-]+",
    ),
    # Fit for the role.
    (
        "fit",
        rf"\b(?:i|me|my (?:\w+ )?(?:background|skills|experience|profile)|{_LIKE_ME}) "
        rf"(?:[\w'-]+ ){{0,4}}?"
        rf"(?:(?:fit|match|candidate|fits|competitive|suitable) (?:in )?(?:well )?(?:for|on|with|"
        rf"in|at|into) |(?:fit|fits|match|matches|suit|suits) )"
        rf"(?:the |your |this |that |a |an |one of )?(?:[\w'-]+ ){{0,3}}?(?:{_JOB}|{_ORG_NOUN})\b",
    ),
    (
        "fit",
        rf"\b(?:fit|match|candidate) (?:in )?(?:for|on|with|into|at) (?:the|this|that|your|"
        rf"an open|any open) (?:[\w'-]+ ){{0,3}}?(?:{_JOB}|{_ORG_NOUN})\b",
    ),
    (
        "fit-bare",
        rf"\b(?:i|me|{_LIKE_ME}) (?:would|might|could|will|am|may) (?:be )?(?:a |an )?(?:good |"
        r"great |strong |right |natural |solid |decent |possible )?(?:fit|match|candidate|"
        r"competitive|eligible|considered|contender|in the running|in with a chance)"
        r"(?= ?(?:$|[,.;:!?]|there\b|here\b|for (?:it|that|this|that one|this one)\b))|"
        r"\bi (?:would|might|could|will|am|may) (?:be )?(?:well |ideally |perfectly |really )?"
        r"(?:suited|qualified) (?:to|for) (?:it|that|this|the (?:role|job|position|post))\b",
    ),
    # A present search announced, an application made, leads welcomed.
    (
        "search",
        rf"\b(?:looking|searching|hunting|hoping|seeking|angling|competing|aiming|vying|"
        rf"in the market|on the hunt|on the lookout) (?:for|to land|to find|to secure|to get|"
        rf"to obtain|to snag|to apply for) "
        rf"{_GAP}{_JOB}\b",
    ),
    (
        "search",
        rf"\b(?:seeking|pursuing|applying for|applying to|apply for|apply to|applied "
        rf"for|applied to|submitted (?:an |my )?application (?:for|to)|interviewing for) "
        rf"{_GAP}{_JOB}\b",
    ),
    (
        "search",
        rf"\bi (?:currently |now |also |still )?(?:search|seek) (?:for )?{_GAP}{_JOB}\b|"
        rf"\bhelp(?:ing)? me (?:to )?(?:find|get|land|secure) (?:one|something|a place|a spot) "
        rf"(?:in|at|on|with) {_THEIR_ORG}",
    ),
    (
        "search",
        rf"\b(?:i am|we are) (?:\w+ )?after (?:a|an|some|any) (?:bit of |little |spot of )?"
        rf"{_GAP}{_JOB}\b",
    ),
    (
        "search",
        r"\bi am (?:\w+ )?available (?:from|starting|as of) (?:[\w'-]+ ){1,3}?(?:and|so) (?:i )?"
        r"(?:would|could|can|am) (?:\w+ )?"
        r"(?:love|like|glad|happy|keen|eager|help|work|join|start)\b|"
        r"\b(?:i am|i will be|i would be) (?:\w+ )?(?:available|free|able|ready) to start "
        r"(?:work(?:ing)? )?(?:immediately|right away|straight away|now|from|in|on|next|this|any "
        r"time|anytime)\b|\bi (?:am|will be|shall be|will soon be|am now|am going to be) "
        r"(?:\w+ )?on the (?:job )?market\b",
    ),
    (
        "search",
        r"\b(?:on the job market|job[_ ]hunting|job[_ ]searching|"
        r"seeking employment|seeking work|looking for work|searching for work|job seeking)\b",
    ),
    (
        "want",
        rf"\b(?:would|should) (?:like|love|appreciate|welcome|value) (?:to (?:have|get|land|"
        rf"secure|be offered|receive|obtain|snag|apply for|apply to) )?{_GAP}{_JOB}\b",
    ),
    (
        "want",
        rf"\b(?:want|need|interested in|eager for|keen on|keen for|hope to get|hope to "
        rf"land|help me (?:to )?(?:land|secure|get|find|obtain|snag)|"
        rf"to (?:land|secure|snag|obtain|find)) "
        rf"{_GAP}{_JOB}\b",
    ),
    (
        "want",
        r"\b(?:help|helping) me (?:to )?(?:get|land|secure) (?:an? )?(?:[\w'-]+ )?interviews?\b|"
        r"\b(?:get|getting) me (?:an? )?(?:[\w'-]+ )?interviews?\b",
    ),
    # The job sought at the reader's organisation: "to get some work experience at your
    # hospital", "do my placement year with your team", "offer me a teaching post".
    (
        "at-yours",
        r"\b(?:get|gain|do|doing|secure|land|find|arrange|complete|spend|undertake|undergo|serve|"
        r"carry out|have) (?:some |a |an "
        rf"|any |my |part of my )?(?:[\w'-]+ ){{0,2}}?"
        rf"(?:{_JOB}|experience|elective|practicum|something|"
        r"anything|a place|a spot|"
        r"rotation|year in industry|industrial placement|sandwich year|(?:[\w'-]+ )?attachment|"
        r"service year|national service|siwes|nysc|housemanship)(?: year| term| semester)? "
        r"(?:at|with|in|on) (?:your|you\b)",
    ),
    (
        "offer-me",
        r"\b(?:offer|give|find) me (?:a |an |any |some )(?:(?!(?:advice|tips?|guidance|insights?|"
        r"pointers|feedback|thoughts|perspectives?|tours?|overview|sense|idea|on|about)\b)"
        r"[\w'-]+ ){0,3}?(?:"
        rf"{_JOB}|posts?)\b",
    ),
    (
        "applying-yours",
        rf"\b(?:applying|apply|applied) (?:for|to) (?:your|you all) (?:[\w'-]+ ){{0,3}}?{_JOB}\b",
    ),
    # "If your team is growing, I'd love to be part of it."
    (
        "part-of-it",
        r"\b(?:be|being|become|becoming|get|getting) (?:(?:a )?part of (?:it|that|them|(?:that|the|"
        r"this|your) (?:growth|expansion|new team|next cohort|next intake))|involved|on board)\b",
    ),
    # The student as a gain to the reader's team: "I'd be a great asset to your company".
    (
        "asset",
        r"\b(?:an? )?(?:\w+ )?(?:addition|asset|fit|contributor|member) (?:to|for|on|in) "
        rf"{_THEIR_ORG}(?![\w'])",
    ),
    # A reader's team that could use someone like the student.
    (
        "like-me",
        r"\b(?:be interested in|interested in|consider|considering|open to|any use for|use for|"
        r"need|needs|take on|hire|hiring|room for|space for|a place for|make use of|benefit from|"
        r"look at|looking at|take a chance on|taking a chance on|take a punt on|give a chance to|"
        r"want|take|have) "
        rf"(?:someone|somebody|people|an? (?:[\w'-]+ ){{0,2}}?(?:{_PERSON}|person|candidate|"
        r"career changer)) (?:like me|like myself|with my)\b",
    ),
    # Offering to work, paid or not, to earn a place.
    (
        "prove",
        r"\b(?:work|working|intern|interning|help out|helping out) (?:for free|unpaid|without pay|"
        r"for nothing|on a trial basis)\b|\b(?:prove|show) (?:myself|what i can do|my worth)\b|"
        r"\b(?:paid or (?:unpaid|otherwise|not)|unpaid or (?:paid|otherwise|not)|even unpaid|"
        r"even if (?:it is )?unpaid)\b|\b(?:learn|learning|train|training) on the job\b",
    ),
    # "If you're ever short-staffed, I'd love to help out."
    (
        "short-staffed",
        r"\b(?:short_staffed|short_handed|understaffed|under_staffed|stretched thin|swamped|short "
        r"(?:of )?(?:a |an extra )?(?:pair of hands|hands|staff|people))\b|"
        r"\b(?:if|whenever|should) (?:you|they|your (?:[\w'-]+ )?[\w'-]+) (?:are|is|get|gets|find "
        r"(?:yourself|yourselves|itself)) (?:ever )?(?:a bit |a little |a hand |a person )?"
        r"(?:short|stretched|swamped|snowed under|slammed|overloaded|overstretched)"
        r"(?= ?(?:$|[,.;:!?]|(?:on|this|next|over|during|at|around|in|for)\b))",
    ),
    # "I'm eager to start somewhere like your studio."
    (
        "like-yours",
        rf"\b(?:somewhere|a place|an? (?:[\w'-]+ )?{_ORG_NOUN}) like "
        r"(?:yours|your (?:[\w'-]+ )?[\w'-]+)\b",
    ),
    # Support counted on for an application.
    (
        "support",
        r"\b(?:count on|rely on|ask for|have|get|enlist) your (?:support|backing|endorsement|"
        r"help)\b",
    ),
    (
        "resume",
        r"\b(?:your|any) (?:support|backing|endorsement|sponsorship) (?:with|on|for|of) my "
        r"(?:[\w'-]+ )?(?:application|candidacy|candidature)\b",
    ),
    (
        "refer",
        r"\b(?:recommend|recommending|vouch for|vouching for|endorse|nominate) me (?:to|with) "
        r"(?:anyone|anybody|someone|people|your (?:[\w'-]+ )?(?:colleagues?|contacts?|network|"
        r"manager|boss|team|partners?))\b(?! else)(?! (?:who|that|i|to) (?:\w+ )?(?:should |could "
        r"|might |can |would )?(?:talk|speak|chat|ask|learn|meet|share|tell))",
    ),
    (
        "hiring",
        r"\b(?:open to|considering|consider|willing to|able to|looking to|thinking (?:of|about)) "
        r"(?:hiring|hire|taking on|take on|recruiting|recruit|sponsoring|sponsor)\b",
    ),
    (
        "join",
        r"\b(?:speak|talk|chat) (?:to|with) (?:[\w'-]+ ){0,3}?about (?:joining|working (?:at|for|"
        r"with)|an? (?:[\w'-]+ )?(?:job|role|position|placement|internship|vacancy) (?:at|with|in|"
        rf"on)) (?:the|your) (?:[\w'-]+ )?{_ORG_NOUN}\b",
    ),
    (
        "resume",
        r"\b(?:drop off|drop|bring|bring in|hand in|leave|pop in|send in) (?:my|a copy of my) "
        rf"{_RESUME} (?:off )?(?:at|with|to|in) (?:the|your)\b",
    ),
    # Cover-letter language: "I'm writing to express my interest in the assistant position".
    (
        "apply",
        r"\b(?:express|expressing|register|registering|declare|declaring|convey) (?:my )?"
        r"(?:strong |keen |sincere )?interest in (?:the|your|any|a|an) "
        rf"(?:[\w'-]+ ){{0,3}}?{_JOB}\b|"
        rf"\b{_RESUME} (?:is )?(?:attached|enclosed) for your (?:kind )?(?:consideration|review)\b",
    ),
    (
        "leads-bare",
        r"\b(?:know of|hear of|come across|see|spot) (?:anything|something)(?= ?(?:$|[,.;:!?]|"
        r"suitable|relevant|going|open|available|coming up|for me|that might suit|"
        r"that would suit))",
    ),
    # "You mentioned the firm takes on vacation students. Could I be one of them?"
    (
        "be-one",
        r"\b(?:(?:could|can|may|might) i (?:possibly |perhaps )?|"
        r"i would (?:\w+ )?(?:love|like) to |"
        r"i (?:hope|am hoping) to |i would be (?:\w+ )?(?:glad|happy|thrilled|honou?red) to )"
        r"be (?:one of (?:them|those|the [\w'-]+)|"
        r"among them|one)(?= ?(?:$|[,.;:!?]|(?:this|next|in|from)\b))",
    ),
    # "I'd love to be your next intern!"
    (
        "be-yours",
        r"\b(?:be|become|being) your (?:next |new |summer |first )?(?:[\w'-]+ )?(?:interns?|"
        r"trainees?|apprentices?|assistants?|analysts?|hires?|recruits?|associates?)\b",
    ),
    (
        "connect-recruiting",
        r"\b(?:put|putting) me in touch with|\b(?:connect|connecting|introduce|introducing) me "
        r"(?:to|with)",
    ),
    # A post that may open, and the student wanting it: "if a technician post opens, I'd love
    # to hear".
    (
        "opening",
        r"\b(?:if|when|should|once|whenever) (?:an?|any|the|your) (?:[\w'-]+ ){0,2}?"
        rf"(?:{_JOB}|shifts?|cover|hours) (?:ever )?(?:opens|comes up|opens up|becomes available|"
        r"is advertised|appears|arises|crops up|becomes free|is posted|goes up|come up|open up|"
        r"appear|arise|crop up|become available|are advertised|are posted)\b"
        r"(?= .*\b(?:i|me|my)\b)",
    ),
    # Work under the reader's eye: "a training opportunity at Dar Al Fouad under your
    # supervision", "to start my new career at Flutterwave under your guidance".
    (
        "under-you",
        r"\bunder your (?:[\w'-]+ )?(?:guidance|supervision|wing|mentorship|leadership|direction|"
        r"tutelage|watch)\b",
    ),
    # A gap in the reader's staffing, the student ready to fill it: "if the clinic ever has a gap
    # in its rota, I'd love to fill it".
    (
        "if-need",
        r"\b(?:gap|hole|space|slot|vacancy) in (?:your|its|their|the) (?:[\w'-]+ )?(?:rota|roster|"
        r"team|staffing|crew|line_up|lineup|shifts?)\b",
    ),
    # Starting out in the reader's organisation: "to cut my teeth in your kitchen".
    (
        "at-yours",
        r"\b(?:cut my teeth|learn the ropes|get my start|start my career|begin my career|launch my "
        r"career|find my feet|earn my stripes) (?:in|at|with|on|under) (?:your|you\b)",
    ),
    # A word with those who hire about a job: "a word with your hiring manager about the vacancy".
    (
        "refer",
        r"\b(?:a|have a|put in a|having a) (?:quick |brief |short )?word with (?:your|the) "
        rf"(?:[\w'-]+ )?{_RECRUITING}\b(?= .*\b{_JOB}\b)",
    ),
    # Training as an apprentice in the reader's workplace: "to apprentice in your workshop".
    (
        "join",
        r"\b(?:apprentice|apprenticing|intern|interning|train|training) (?:at|with|in|under|for) "
        rf"(?:{_THEIR_ORG}|your (?:[\w'-]+ )?(?:workshop|garage|yard|kitchen|site|salon|studio))\b",
    ),
    # A visa sponsored for the student: "does your firm sponsor visas for graduates like me?"
    (
        "visa",
        r"\bsponsor(?:s|ing)? (?:\w+ )?visas? for (?:[\w'-]+ ){0,3}?(?:like me|like myself)\b|"
        r"\bsponsor(?:s|ing)? (?:my|me for a) (?:\w+ )?visa\b|\bvisa sponsorship for me\b",
    ),
    # A team (named or the reader's) asked whether it is open to taking someone on.
    (
        "taking-applicants",
        r"\b(?:open to|considering|willing to|able to) (?:taking|take|bringing in|having) (?:on )?"
        rf"(?:an? |any |more |another )?(?:[\w'-]+ ){{0,2}}?{_PERSON}\b",
    ),
    # Extra hands that would help the reader: "a corner of your lab where an extra pair of hands
    # would help?"
    (
        "needs",
        r"\b(?:an? )?extra (?:pair of )?hands? (?:would|could|might|will) (?:really |ever )?"
        r"(?:help|be useful|come in handy|be welcome|be needed)\b",
    ),
    # A way into the reader's team, through them: "a way into the analysis team through you".
    (
        "get-in",
        rf"\b(?:a|any|some|my) (?:[\w'-]+ )?(?:way|route|path|door) in(?:to)? (?:the |your )?"
        rf"(?:[\w'-]+ ){{0,3}}?{_ORG_NOUN}\b(?= (?:[\w'-]+ ){{0,2}}?(?:through|via|with) you\b)|"
        rf"\b(?:a|any|some|my) (?:[\w'-]+ )?(?:way|route|path|door) in(?:to)? {_THEIR_ORG}",
    ),
    # The student's name or application moved up a shortlist: "push my name onto the shortlist".
    (
        "refer",
        r"\b(?:me|my name|my (?:cv|resume|application|profile|candidacy))\b (?:[\w'-]+ ){0,2}?"
        r"(?:onto|on to|on|to|into|up|near) (?:the |your |a )?(?:[\w'-]+ ){0,2}?(?:shortlist|"
        r"short list|interview list|top of the pile|top of the list|top of the stack)\b",
    ),
    # The reader's need of someone, and the student ready for it in the same sentence: "if you
    # ever need a PA on one of your sets I would jump at it", "if DWP digital ever needs a
    # junior I'm ready", "if you're ever crewing up for an assistant editor, I'm around".
    (
        "if-need",
        r"\b(?:if|whenever|should|when) (?:[\w'-]+ ){1,3}?(?:are |is |do |does )?(?:ever |at any "
        r"point |happen to |happens to )?(?:need|needs|needed|want|wants|are looking for|is "
        r"looking for|are after|is after|are short|is short|crewing up|crews up|crew up|staffing "
        r"up|staffs up|staff up|are hiring|is hiring|are recruiting|is recruiting)\b"
        r"(?: (?:for |of )?(?:an?|another|one more|some|any|extra|more|another pair of) "
        r"(?:[\w'-]+ ){0,2}?[\w'-]+|"
        r" (?:cover|help|hands|staff|support))?"
        r"(?= ?(?:$|[,.;:!?]|(?:on|in|at|for|this|next|i|i am|i would|"
        r"count|just|let|give|drop|send)\b))",
    ),
    # The student placed in the reader's organisation as one of its staff: "any possibility of me
    # spending the summer in your lab as a paid assistant".
    (
        "as-staff",
        rf"\b(?:me|myself|i)\b (?:[\w'-]+ ){{0,6}}?(?:in|at|with|on|for|into|join) (?:your|you)"
        rf"(?: [\w'-]+){{0,3}}? as (?:an?|your) (?:paid |salaried |junior |temporary |summer |"
        rf"part_time |full_time |casual |seasonal )?(?:[\w'-]+ )?(?!(?:students?|members?|"
        rf"volunteers?|guests?|observers?|visitors?|participants?)\b){_PERSON}"
        r"(?= ?(?:$|[,.;:!?]|(?:this|next|for|from|over|during|in|until)\b))",
    ),
    ("leads", r"\b(?:any )?(?:leads?|heads[_ ]up|job tips|tips on openings)\b"),
    (
        "leads",
        rf"\b(?:know of|aware of|hear of|hear about|come across|see|learn of|heard of|"
        rf"came across|point me (?:to|toward|towards)|pass along|send along|let me know (?:if|of|"
        rf"about|when)) (?:any|anything|something|an|a) (?:[\w'-]+ ){{0,3}}?(?:{_JOB}|anything|"
        rf"something|teams? hiring|companies hiring|one)\b",
    ),
    (
        "leads",
        r"\b(?:if|when|should) you (?:ever )?(?:hear|learn|know|spot|see|notice|come across|"
        r"find)(?: of| about)? (?:anything|something|any)\b",
    ),
    (
        "leads",
        r"\b(?:send|pass|forward|point|throw|toss|steer|direct|push|put) (?:it|them|anything|"
        r"something|any \w+|some|one|a few|(?:some|any) of (?:that|those|them|it|the \w+)) "
        r"(?:\w+ )?my way\b",
    ),
    # The student added to the reader's pool of people to call: "if there's a talent pool for
    # field assistants, could you add me to it?", "I'd love to be on your list" (freelancers).
    (
        "pool",
        r"\b(?:add|put|include|keep|adding|putting|including|keeping) me (?:on|in|to|onto|into) "
        r"(?:it|that|them|(?:the|your|a) (?:[\w'-]+ ){0,2}?(?:pool|list|roster|rota|books|bank|"
        r"register|database|panel|shortlist))\b|\b(?:be|get|being|getting|stay|staying) on "
        r"(?:your|the|a) (?:[\w'-]+ )?(?:list|books|roster|rota|bank|register|panel|pool)\b",
    ),
    # The reader asked to tell those who decide that the student is worth a look.
    (
        "refer",
        r"\b(?:tell|telling|let|mention to|say to|suggest to|assure) (?:your|the) "
        r"(?:[\w'-]+ ){0,3}?"
        r"(?:committee|panel|hiring|recruit\w*|hr|partners?|managers?|boss|head|director|team)"
        r"(?: [\w'-]+){0,4}? (?:that )?(?:i|i would|i am|i might|i could|i will) (?:be )?(?:worth|"
        r"a good|a strong|well suited|suited|someone to|worth a look|a safe pair)\b",
    ),
    # Acting for the student about a job: "a quick word with HR on my behalf about the vacancies".
    ("behalf", r"\bon my behalf\b"),
    (
        "leads",
        r"\b(?:anything|something|any \w+) (?:\w+ )?(?:comes|come|crosses|cross|lands|land) "
        r"(?:across|on|onto) your desk\b",
    ),
)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _PATTERNS)

# --- guards -------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r" (?:[,;:.!?()—–-]|but|though|although|however|yet|so) ")
_NEGATION = re.compile(
    r"\b(?:not|never|no|nor|rather than|instead of|without|neither|nowhere near|far from)\b"
)
# "Your team isn't by any chance hiring, is it?": a tag question keeps the ask.
_TAG_QUESTION = re.compile(
    r", (?:is|are|do|does|would|could|has|have|will) (?:it|you|they|there) \?$"
)
# Negative words that hedge the ask instead of withdrawing it.
_HEDGES = re.compile(
    r"\b(?:(?:am|was|are|is) not (?:sure|certain)|not (?:sure|certain)|(?:do|did) not know|"
    r"(?:please |feel free to |do |just )?say no|no is (?:a |an )?"
    r"(?:fine|ok|okay|perfectly fine|acceptable)|"
    r"no idea|no pressure|(?:do|did) not suppose|no obligation|no worries|"
    r"(?:will|would|do|did) not mind|"
    r"(?:do|did) not (?:want|mean) to "
    r"(?:presume|impose|overstep|be (?:too )?(?:pushy|forward|presumptuous))|not to be "
    r"(?:too )?(?:pushy|forward|presumptuous)|if not|not yet posted|not been posted|not "
    r"posted|not listed|not advertised)\b"
)
# A question about the topic, not an ask: "how hiring works", "what roles exist".
_TOPIC = re.compile(
    r"\b(?:how|what|which|why|where|whom|advice|tips|suggestions|insights?|perspective|"
    r"sense|understand|learn|learning|hear how|curious how|about how|someone|somebody|"
    r"people|students|others|grads|graduates|candidates|newcomers|applicants|folks|most|"
    r"many|anyone|typical|typically|usually|generally|suggest|recommend|advise|should|worth)\b"
)
_TOPIC_FOR = {
    "hiring": re.compile(r"\b(?:how|what|why|which|when|sense|understand|trends?)\b"),
    "hire": _TOPIC,
    "hired": re.compile(
        rf"{_TOPIC.pattern}|\b(?:whether|required|necessary|need|needed|takes|easier|harder|"
        r"odds|chances|likely|tough|hard|difficult|possible|helps?|helped|hurt)\b"
    ),
    "opening": re.compile(
        r"\b(?:how|why|where|what kinds?|which kinds?|types? of|usually|typically|about)\b"
    ),
    "exist": _TOPIC,
    "taking-applicants": _TOPIC,
    "needs": _TOPIC,
    "search": _TOPIC,
    "want": _TOPIC,
    "get-in": _TOPIC,
    "join": _TOPIC,
    "fit": re.compile(r"\b(?:how|what|why|someone|people|students|others|candidates)\b"),
    "fit-bare": re.compile(r"\b(?:how|what|why|someone|people|students|others|candidates)\b"),
}
_FIELD = re.compile(
    r"\b(?:in|into|across|within|throughout) (?:the|this|that|your|my|a|an|our)? ?"
    r"(?:[\w'-]+ )?(?:field|industry|sector|area|profession|space|world|market|discipline|"
    r"economy|career|careers|line of work)\b|\b(?:field|industry|sector|market|economy) "
    r"(?:is|are|was)\b|\b(?:the|this) (?:job )?(?:field|industry|sector|market|economy)\b"
)
_READER_ORG = re.compile(
    rf"{_THEIR_ORG}|\bwith you\b|\bat your\b|\byour end\b|\b(?:work|working|role|roles|job|jobs|"
    r"openings?|positions?|spots?|internships?|over|out) there\b|\bthere(?= ?(?:$|[,.;:!?]))"
)
_FAR_FUTURE = re.compile(
    r"\b(?:in (?:a few|a couple of|a couple|two|three|four|five|several|\d+) years|years? "
    r"(?:away|from now|down the road|off)|someday|some day|one day|eventually|down the road|"
    r"long[_ ]term|in the long run|when the time comes|(?:is|is not|are) (?:still )?"
    r"(?:years|a long way) (?:away|off)|not for (?:a while|another|a few|several|two|three)|"
    r"(?:is|will) not (?:be )?until|still (?:two|three|a few|several) years|after (?:i "
    r"(?:finish|complete) )?(?:grad|graduate|law|med|medical|business) school)\b"
)
_PAST = re.compile(
    r"\b(?:was|were|had been|had) (?:\w+ )?(?:looking|searching|hunting|applying|seeking|"
    r"job_hunting|job_searching)\b|"
    r"\b(?:last|previous|past) (?:year|summer|spring|fall|autumn|winter|semester|term)\b|"
    r"\b(?:previously|back when|when i was|while i was|during my|years ago|in high school|"
    r"as a (?:freshman|sophomore|first-year))\b|\b(?:when|while|before|after|as) i (?:\w+ )?"
    # a time clause in the past ("when I interned", "after I left"); "after I qualify" is ahead
    r"(?:was|were|had|did|got|went|began|took|met|left|saw|made|found|came|spent|knew|"
    r"thought|heard|sent|wrote|read|ran|led|won|lost|[a-z]+ed)\b"
)
# Explicitly years away: "in three years", "after grad school" (not "someday", which a hope to
# get in at the reader's own company often carries).
_YEARS_AWAY = re.compile(
    r"\b(?:in (?:a few|a couple of|a couple|two|three|four|five|several|\d+) years|years? "
    r"(?:away|from now|down the road|off)|(?:is|is not|are) (?:still )?(?:years|a long way) "
    r"(?:away|off)|still (?:two|three|a few|several) years|after (?:i (?:finish|complete) )?"
    r"(?:grad|graduate|law|med|medical|business) school)\b"
)
_SOMEONE_ELSE = re.compile(
    r"\b(?:someone|somebody|people|students|others|grads|graduates|candidates|newcomers|"
    r"applicants|folks|they|he|she|friends?|classmates?|peers|sister|brother|cousin|mother|"
    r"father|mum|mom|dad|parents?|partner|husband|wife|roommate|flatmate|housemate|"
    r"colleagues?|coursemates?|cohort)\b"
)
# The reader's organisation, or a named one: "get in at Deloitte".
_THEIR_ORG_OR_NAMED = re.compile(
    rf"{_THEIR_ORG}|\b(?:through|via) you\b|"
    r"\b(?:in|into|at|with) (?!(?:the|a|an|this|that|some|any|my|our)\b)[\w'-]+"
)
_FIT_TARGET_NOT_A_JOB = re.compile(
    r"\bfor (?:the|this|that|a|an|my)? ?(?:[\w'-]+ )?(?:field|career|industry|path|profession|"
    r"line of work|program|degree|major|school)\b"
)
_JOB_NAMED = re.compile(
    rf"\b(?:the|this|that|your|an|a) (?:[\w'-]+ ){{0,3}}?(?:role|position|job|opening|"
    rf"internship)\b|{_THEIR_ORG}"
)

MESSAGE = (
    "This reads as asking for a job. An informational interview is a request for advice; "
    "people say yes far more readily when they aren't being asked to hire, and the "
    "conversation stays relaxed. If they know of openings they will usually bring them up."
)


@dataclass(frozen=True, slots=True)
class JobAsk:
    start: int
    end: int
    kind: str


def job_asks(text: str) -> list[JobAsk]:
    """Every job ask in `text`, at most one per sentence, with its span in `text`.

    Where several patterns find the ask, the span is the one that starts first (and, of
    those, the longest): "Are there any openings", not just "openings".
    """
    return read_job_asks(text)[0]


def read_job_asks(text: str, third_person: bool = False) -> tuple[list[JobAsk], list[int]]:
    """`job_asks`, and the starts of the sentences a pattern matched that a guard then excused
    (the rules have read those and judged them innocent). `third_person`: the student is
    "she" or "he" (an introduction blurb)."""
    found: list[JobAsk] = []
    excused: list[int] = []
    whole = normalise(text, third_person=third_person).text
    for sentence in split_sentences(text):
        norm = normalise(sentence.text, sentence.start, third_person)
        matches = [
            (kind, match) for kind, pattern in _COMPILED for match in pattern.finditer(norm.text)
        ]
        hits = [
            (match.start(), -match.end(), kind)
            for kind, match in matches
            if not _innocent(norm.text, match, kind, whole)
        ]
        if not hits:  # a named pattern points more precisely than the ask's whole structure
            hits = [(start, -end, "ask") for start, end in _directed_asks(norm.text)]
        if hits:
            start, negative_end, kind = min(hits)
            found.append(JobAsk(*norm.span(start, -negative_end), kind))
        elif matches:
            excused.append(sentence.start)
    return found, excused


# Asking to be kept in mind for a slot in their calendar is not a job ask.
_SCHEDULING = re.compile(
    r"\b(?:window|slot|time|times|cancellation|calendar|diary|schedule|call|chat|meeting|"
    r"minutes|coffee|conversation|frees up|free up|reschedul\w*|postpone|cancel)\b"
)
_GATHERING = re.compile(
    r"\b(?:reading|book|running|study|discussion|support|focus|mailing|whatsapp|facebook|"
    r"slack|alumni|webinar|workshop|session|event|talk|call|meeting|club|society|walk|ride|"
    r"tour|open day|class|course|panel|community|forum|lecture|seminar|lesson|tutorial|demo|"
    r"visit|trip|conference)\b"
)
_REPORTED = re.compile(
    r"\b(?:i (?:\w+ )?(?:read|saw|heard|noticed|learned|see)|news|announced|announcement|"
    r"reported|article|press|(?:told|tells|telling) (?:me|us)|(?:she|he|they) (?:said|says|"
    r"mentioned))\b"
)
# A named organisation in a question to the reader: "if Hopkins would even look at…".
_NAMED_ASKED = re.compile(
    r"\b(?:if|whether) (?!(?:employers|companies|firms|hospitals|schools|people|anyone|anybody|"
    r"most|many|recruiters|places|organi[sz]ations|they|it)\b)(?:[\w'-]+ ){1,3}?(?:would|might|"
    r"could|will|ever)\b"
)
# The student ready to fill a need: "I would jump at it", "I'm around", "count me in".
_READY = re.compile(
    r"\b(?:i|i am|i would|i will|i could|i can|me)\b (?:[\w'-]+ ){0,3}?(?:jump|around|ready|"
    r"keen|available|free|up for|happy|glad|love|there|in|here|your (?:man|woman|person|girl|guy|"
    r"lad|gal)|know|shout|call|ring|bell|line|message|consider|happily|gladly|take on|step in|"
    r"cover|help out|pitch in|fill in)\b"
)
# What a reader needs that isn't a person to take on: information, a study's participants.
_NOT_STAFF = re.compile(
    r"\b(?:information|info|details|anything|something|materials?|data|examples?|feedback|"
    r"references?|cop(?:y|ies)|notes|slides|time|volunteers?|participants?|subjects?|"
    r"respondents?|testers?|study|survey|research|questionnaire|interviewees?|speakers?|"
    r"panellists?|panelists?|judges?|mentors?|readers?|proofreader|feedback|quotes?|case)\b"
)
# The student's own doing, not a request: "I've put my name forward for the role".
_OWN_ACT = re.compile(
    r"(?<!could )(?<!would )(?<!can )(?<!may )(?<!might )(?<!should )(?<!shall )"
    r"\bi (?:(?!would|could|can|might|may|hope|wonder)[\w']+ ){0,3}$"
)
# The student's own plan, said to the reader: "I'll apply for internships in October",
# "before applying for procurement roles".
_OWN_PLAN = re.compile(
    r"(?:\b(?:before|after|once|until|without|when|while)(?: i (?:do |actually |eventually |"
    r"finally |properly )?(?:start|begin|get round to|am|go|set out))?|"
    r"\bi (?:will|shall|plan to|am going to|"
    r"will be|shall be|am going to be|plan on|"
    r"intend to|am planning to|will (?:then|also|now))|\b(?:your|the|her|his|their) "
    r"(?:suggestion|advice|idea|recommendation|point|tip|nudge|encouragement) (?:that i |for me )?"
    r"(?:to|i)|\byou (?:suggested|recommended|advised|encouraged me|told me)(?: that)?(?: i)?"
    r"(?: should)?)\s*$"
)


# Asking leave to act: "would it be okay if I put your name as my referral?"
_PERMISSION = re.compile(
    r"\b(?:(?:okay|ok|alright|all right|fine|mind) if|(?:could|can|may|might)) i\b"
)
# The student offering themselves: "I'd happily work on your next production as a runner".
_OFFERED = re.compile(
    r"\bi (?:would|will|could|can|am) (?:also |really |still )?(?:happily|gladly|willingly|"
    r"love to|be (?:happy|glad|keen|delighted|thrilled) to)\b"
)
_WHAT_IT_TAKES = re.compile(
    r"\bwhat (?:would|will|does|did|might) it (?:take|need) (?:for me |me )?to (?:\w+ )?$"
)
# "work" as a noun ("more interesting work for your team"), not the verb of joining.
_WORK_AS_NOUN = re.compile(r"\b(?:more|less|interesting|exciting|new|extra|enough|much) $")
_WANTED = re.compile(r"\b(?:love|like|want|welcome|grateful|happy|glad|take|any|some)\b")
_HOW_I_COULD = re.compile(r"\bhow i (?:could|might|can|would|should|may) (?:best |ever )?$")
# Someone other than the student applying: "several of my classmates are applying for openings".
_OTHERS_APPLYING = re.compile(
    r"\b(?!i\b)[\w'-]+ (?:are|is|were|was) (?:\w+ )?"
    r"(?:applying|apply) (?:for|to) (?:[\w'-]+ ){0,2}$"
)


def _TOPIC_OR_PAST(clause_before: str, sentence: str) -> bool:
    """A question about the topic ("how did you cope when the unit was short-staffed?") or the
    student's past."""
    return bool(_TOPIC.search(clause_before) or re.search(r"\b(?:was|were|had been)\b", sentence))


def _innocent(sentence: str, match: re.Match[str], kind: str, whole: str) -> bool:
    before = sentence[: match.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause_start = breaks[-1].end() if breaks else 0
    clause_before = before[clause_start:]
    after = sentence[match.end() :]
    next_break = _CLAUSE_BREAK.search(after)
    clause_after = after[: next_break.start()] if next_break else after
    clause = clause_before + match.group() + clause_after
    if _NEGATION.search(_HEDGES.sub(" ", clause_before + match.group())) and not (
        _TAG_QUESTION.search(sentence)
    ):
        return True
    reader_org = bool(_READER_ORG.search(clause))
    if kind == "get-in" and _HOW_I_COULD.search(clause_before) and "at" in match.group().split():
        return False  # "I'd like to find out how I could get in at Deliveroo": the student's aim
    if kind == "join" and _WHAT_IT_TAKES.search(clause_before):
        return False  # "What would it take for me to join your team?": the student's own way in
    if kind == "join" and _WORK_AS_NOUN.search(before) and not _WANTED.search(clause_before):
        return True  # "I hope it means more interesting work for your team": work they'll get
    if kind == "opening" and (
        _OTHERS_APPLYING.search(clause_before)
        or re.search(
            r"\b(?:office|retail|property|rental|housing|residential|commercial|void)$",
            before.strip(),
        )
        or _SCHEDULING.search(after[:40])
        or re.match(r" (?:in|of) (?:your|my|his|her|their|a) (?:[\w'-]+ )?(?:career|life)\b", after)
    ):
        return True  # "classmates are applying for openings", "an opening in my schedule"
    if kind == "taking-applicants" and re.search(
        r"\b(?:usually|typically|generally|normally|often|firms|companies|employers|places|"
        r"organi[sz]ations|practices|labs|hospitals|agencies|studios|teams)\b",
        match.group(),
    ):
        return True  # "do firms like yours usually take on students?": how the field works
    if kind == "taking-applicants" and _GATHERING.search(sentence):
        return True  # "is the reading group taking new members?"
    if kind == "taking-applicants" and not (
        sentence.endswith("?") or re.search(r"\b(?:whether|if)\b", clause_before)
    ):
        return True  # told as news, nothing asked
    topic = _TOPIC_FOR.get(kind)
    # "a corner of your lab where…" is a relative clause, not a question about the topic
    asked_before = re.sub(r"\b(?:your|the|a) (?:[\w'-]+ ){0,3}?where ", " ", clause_before)
    if (
        topic is not None
        and topic.search(asked_before)
        and not (reader_org and kind in ("opening", "exist", "hiring"))
    ):
        return True
    if (
        kind in ("search", "want", "exist", "hiring", "room", "like-me")
        and _FIELD.search(clause)
        and not reader_org
    ):
        return True
    if kind == "exist" and not (
        reader_org
        or _openly_available(clause)
        or (re.match(r"does\b", match.group()) and sentence.endswith("?"))
    ):
        return True
    if kind in ("search", "want") and (_FAR_FUTURE.search(sentence) or _PAST.search(sentence)):
        return True
    others = _SOMEONE_ELSE.search(re.sub(_LIKE_ME, " ", clause_before))  # "someone like me" is me
    if kind == "search" and others:
        return True
    if kind in ("hire", "refer") and others and "me" not in (match.group().split()):
        return True
    if kind == "hiring" and (
        re.match(r"(?:were|was)\b(?! still)", match.group())
        or re.search(r"\b(?:were|was|been) $", clause_before)
    ):
        return True  # the past or a hypothetical: "when you were hiring last year", "if you were
        # hiring a graduate today, what..."
    if (
        kind == "opening"
        and re.match(r"(?:anything|something)\b", match.group())
        and _SCHEDULING.search(after)
    ):
        return True
    if kind == "hiring" and re.search(
        r"\b(?:on|about|of|in|into|around|regarding) $", clause_before
    ):
        return True  # "your talk on hiring for potential": hiring as the topic
    if (
        kind == "hiring"
        and match.group().startswith("hiring")
        and re.search(r"\b(?:and|with|of|busy|season|time)\b", clause_before)
        and not (
            sentence.endswith("?") or _ASKED.search(clause) or re.search(r"\b(?:i|me|my)\b", after)
        )
    ):
        return True  # "your busiest season, with the new productions and hiring for the chorus"
    if kind == "hiring" and re.search(r"\b(?:our|my|we)\b", clause_before):
        return True  # "our society is recruiting new members": the student's own side
    if (
        kind == "hiring"
        and _REPORTED.search(clause_before)
        and not (reader_org and re.search(r"\b(?:i|me|my)\b", after))
    ):
        return True  # news, not an ask: "I read that Sunnybrook is hiring 300 nurses"
    if kind == "refer" and re.match(r"(?:put|putting|say|saying|drop|dropping)\b", match.group()):
        subject = re.findall(r"\b(?:i|you)\b", clause_before)
        if subject and subject[-1] == "i" and not _PERMISSION.search(clause_before):
            return True  # the student offering: "I'd be glad to put a word in with our office"
    if (
        kind == "join"
        and _SOMEONE_ELSE.search(clause_before)
        and not re.search(r"\bi\b", clause_before)
    ):
        return True  # "my friend is hoping to join your team"
    if kind == "join" and _OWN_PLAN.search(clause_before):
        return True  # "you suggested I join Monzo's data team": their advice, told back
    if kind == "join" and re.search(r"\bthank", clause_before):
        return True  # "thank you for the opportunity to work under you on the pilot"
    if (
        kind == "join"
        and _GATHERING.search(match.group())
        and not re.match(r"(?:apprentic|intern|train)", match.group())
    ):
        return True  # "join your Thursday reading group", "your team's webinar"
    if kind == "under-you" and not (
        re.search(
            rf"\b(?:work|working|start|career|train|training|intern|interning|join|joining|learn "
            rf"on the job|serve|opportunity|{_JOB})\b",
            sentence,
        )
        and re.search(r"\b(?:i|me|my)\b", sentence)
        and not re.search(
            r"\bthank|\b(?:i|we) (?:\w+ )?(?:worked|trained|interned|was|were)\b", sentence
        )
        and not _WH_QUESTION.match(sentence)
    ):
        return True  # "I wrote my thesis under your supervision", "thanks for the year under…"
    if (
        kind == "opening"
        and re.match(
            r" to (?:graduates|grads|students|people|newcomers|career changers|non_\w+|"
            r"international|those|anyone|all|applicants)\b",
            after,
        )
        and not reader_org
    ):
        return True  # "whether modelling roles are open to graduates": how the field works
    if (
        kind in ("refer", "refer-bare")
        and re.search(r"\b(?:mind|think of me|remember me)\b", match.group() + clause_after)
        and re.search(
            r"\b(?:podcast|episode|guest|speaker|voice|study|survey|participants?|event|"
            r"webinar|session|workshop|newsletter|interviewee)\b",
            sentence,
        )
        and not re.search(rf"\b{_JOB}\b", sentence)
    ):
        return True  # "keep me in mind if you ever want a student voice on the podcast"
    if kind == "refer" and re.search(
        r"\b(?:you|he|she|they|we) (?:were|was|got|had been|have been|are|is|had) (?:\w+ )?$",
        clause_before,
    ):
        return True  # "how you were put forward for partnership": someone else put forward
    if kind in ("opening", "exist") and (
        re.search(
            r"\b(?:made|led|prompted|inspired|got|drew) you\b|\bback in (?:19|20)\d\d\b", sentence
        )
        or re.search(r"\b(?:came|come) up (?:[\w'-]+ ){0,2}?(?:last|ago)\b", clause)
    ):
        return True  # "what made you go for the opening…", "an opening came up last spring"
    if kind == "search" and re.search(r"\b(?:whether|if) to $|\bshould i $", clause_before):
        return True  # "your view on whether to apply for training contracts or a master's"
    if kind == "hire" and (re.search(r"\bthank", clause_before) or _PAST.search(sentence)):
        return True  # "thank you for taking me on as a mentee last year"
    if kind == "applying-yours" and match.group().startswith("applied"):
        return True  # "I applied to your graduate programme two years ago": news, not an ask
    if kind == "pool" and (
        not re.search(
            rf"\b(?:freelanc\w*|outsourc\w*|contractors?|stringers?|temps?|locums?|bank staff|"
            rf"talent|candidates|shifts?|{_PERSON}|{_JOB})\b",
            whole,
        )
        or re.search(
            r"\b(?:mailing|newsletter|email|e_mail|distribution|invite|invitation|waiting|"
            r"waitlist|events?|webinars?|guest|reading|subscribers?)\b",
            clause,
        )
    ):
        return True  # "could you add me to the mailing list for the seminar series?"
    if kind == "behalf" and not (
        re.search(
            rf"\b(?:{_JOB}|hr|recruit\w*|hiring|application|apply|applying|cv|resume)\b", sentence
        )
    ):
        return True  # "could you ask her on my behalf whether she's free for a call?"
    if (
        kind == "leads"
        and "my way" in match.group()
        and not re.search(
            rf"\b(?:commissions?|work|gigs?|projects?|assignments?|clients?|freelance|overflow|"
            rf"shifts?|contracts?|briefs?|leads?|{_JOB})\b",
            sentence,
        )
    ):
        return True  # "send the slides my way"
    if kind in ("at-yours", "offer-me", "applying-yours", "be-yours") and _TOPIC.search(
        clause_before
    ):
        return True  # "what's the best way to get work experience at your hospital?"
    if kind in ("short-staffed", "like-yours", "support", "prove") and _TOPIC_OR_PAST(
        clause_before, sentence
    ):
        return True
    if kind in ("like-yours", "short-staffed") and _FAR_FUTURE.search(sentence):
        return True  # "I'd love to work somewhere like your studio one day"
    if (
        kind == "hiring"
        and re.search(r"\b(?:open|consider\w*|willing|able|looking|thinking) ", match.group())
        and not (
            reader_org
            or re.search(r"\b(?:you|your (?:[\w'-]+ ){0,2}?[\w'-]+|they) (?:\w+ )?$", clause_before)
        )
    ):
        return True  # "do you think firms are open to hiring people without degrees?"
    if (
        kind == "prove"
        and re.search(r"paid|on the job", match.group())
        and not re.search(r"\b(?:you|your)\b", sentence)
    ):
        return True  # "should I take a paid or unpaid internship first?"
    if kind == "short-staffed" and not (
        re.search(
            r"\bi (?:would|could|can|will|am|am happy|am glad)\b.*\b(?:help|cover|step in|pitch in|"
            r"assist|jump in|fill in|lend a hand|work)\b",
            sentence,
        )
        # "if you're ever short-staffed on a shoot, I'm a runner with my own car"
        or (
            re.search(r"\b(?:if|whenever|should)\b", clause_before)
            and re.search(r"\bi am\b", after)
        )
        or _READY.search(after)
        or re.search(
            r"\b(?:happy|glad|keen|ready) to (?:help|cover|step in|pitch in|work)\b", sentence
        )
    ):
        return True  # "the unit was short-staffed when I visited": news, not an offer
    if kind == "like-yours" and not (
        re.search(
            r"\b(?:start|starting|begin|work|working|join|joining|career|land|find|get)\b", sentence
        )
        and re.search(
            r"\b(?:would|hope|hoping|eager|keen|love|want|wish|dream|happy|glad|ready)\b",
            clause_before,
        )
    ):
        return True  # "I admire a team like yours", "I'm working somewhere like your studio"
    if kind == "search" and re.search(
        r"\b(?:would|will|did|do|should|could) you (?:\w+ )?$", clause_before
    ):
        return True  # "would you apply for the graduate scheme or a master's?": their choice
    if kind == "support" and not re.search(
        rf"\b(?:applications?|apply|applying|candidacy|{_JOB})\b", sentence
    ):
        return True  # "could I get your help with my thesis?"
    if kind == "part-of-it" and not (
        re.search(rf"{_THEIR_ORG}|\byou\b|\bthe (?:team|firm|company|lab)\b", sentence)
        and re.search(r"\bi (?:would|could|hope|am|will)\b", sentence)
        and (
            "part" in match.group()
            or re.search(
                r"\b(?:expand\w*|grow\w*|hiring|recruiting|scal\w+|short|busy)\b", sentence
            )
        )
    ):
        return True  # "if your charity runs events, I'd love to get involved": volunteering
    if kind == "asset" and not re.search(
        r"\bi (?:would|could|might|will|am|think i|believe i|hope i)\b|\bme\b", clause_before
    ):
        return True  # "a great addition to your team" said of someone else
    if kind == "like-me" and (
        not (
            re.search(r"\b(?:you|your|they)\b", clause_before)
            or _NAMED_ASKED.search(clause_before)
            or _ASKED.search(clause_before)
            or sentence.endswith("?")
        )
        or _TOPIC.search(clause_before)
    ):
        return True  # "what advice would you give someone like me?"
    if kind == "if-need" and not (
        _READY.search(after)
        and not _NOT_STAFF.search(match.group())
        and not _NOT_STAFF.search(clause_after)
        and not _GATHERING.search(clause_after)
    ):
        return True  # "if you need any more information, I'm happy to send it"
    if kind == "as-staff" and (
        not (_ASKED.search(sentence) or sentence.endswith("?") or _OFFERED.search(sentence))
        or _PAST.search(clause_before)
        or _WH_QUESTION.match(sentence)
    ):
        return True  # "I spent a week at your clinic as a healthcare assistant" is news
    if (
        kind == "join"
        and " have me" in f" {match.group()}"
        and (_GATHERING.search(clause_after) or _SCHEDULING.search(clause_after))
    ):
        return True  # "would you have me back for another guest lecture?"
    if (
        kind == "hiring"
        and re.search(
            rf"\b(?:her|his|their|[\w-]+'s) (?:[\w'-]+ ){{0,2}}?{_ORG_NOUN} $", clause_before
        )
        and not (sentence.endswith("?") or _ASKED.search(clause_before))
    ):
        return True  # "she told me her firm is hiring interns": someone else's news
    if kind == "prove" and not (
        re.search(r"\bwork|intern|help", match.group())
        or re.search(_THEIR_ORG, sentence)
        or re.search(rf"\b(?:{_JOB}|shifts?|trial)\b", sentence)
    ):
        return True  # "prove myself in my exams"
    if kind == "leads-bare" and not re.search(rf"\b(?:{_RESUME}|{_JOB})\b", whole):
        return True  # "if you come across anything I should read"
    if kind == "connect-recruiting" and not re.match(
        r"(?:the |your |whoever (?:handles|does|runs|leads|manages|is in charge of) |someone "
        r"(?:in|on|from|who handles) (?:the |your )?)?(?:[\w'-]+ )?(?:hiring|recruit\w*|hr|"
        r"human resources|talent)\b",
        after.lstrip(),
    ):
        return True  # "put me in touch with a colleague" asks for advice, not a job
    if kind == "resume-to" and not (
        re.search(rf"\b(?:{_JOB}|recruit\w*|hiring|hr)\b", sentence)
        and (_READER_ORG.search(sentence) or _ASKED.search(sentence))
    ):
        return True  # "I'll send my CV to the careers service": no job, nobody asked
    if kind == "resume-it" and not re.search(rf"\b{_RESUME}\b", whole):
        return True  # "it" is the CV only where the message mentions one
    if kind == "room" and (
        not re.search(r"\b(?:you|your)\b", clause)
        or any(not clause[: g.start()].endswith("my ") for g in _GATHERING.finditer(clause))
    ):
        return True  # "there's rarely room for a junior analyst to lead": not the reader's team
    if kind == "lead-to" and not (
        re.search(r"\b(?:hop\w*|wish|would|could|might|may|wonder\w*)\b", clause_before)
        and (
            re.search(r"\b(?:i|me|my|this|our|it)\b", clause_before)
            or (_ASKED.search(clause_before) and not _TOPIC.search(clause_before))
        )
    ):
        return True  # "how your internship led to a job": the reader's path, not a hope
    if (
        kind == "lead-to"
        and not match.group().startswith(("with a view", "in the hope"))
        and re.search(
            r"\b(?:your|their|his|her|about|how|what|why|which) (?:[\w'-]+ ){0,2}$", clause_before
        )
    ):
        return True  # "I'd love to hear about your path into the role"
    if kind == "take-me" and not re.search(r"\b(?:you|your|they)\b", clause_before):
        return True
    if (
        kind == "search"
        and re.match(r"(?:applied|submitted)\b", match.group())
        and not _READER_ORG.search(sentence)
        and not re.search(
            r"\b(?:could|would|can|will|might) you\b|\byou (?:could|would|might|can)\b", sentence
        )
    ):
        return True  # an application made elsewhere, told as news: nothing asked of the reader
    if kind in ("refer", "refer-bare") and (
        _SCHEDULING.search(clause_after)
        or (
            _OWN_ACT.search(clause_before)
            and not _PERMISSION.search(clause_before)
            # the passive is done to the student: "I'm keen to be put forward for the intake"
            and not re.match(r"(?:be|being|get|getting|been)\b", match.group())
        )
    ):
        return True
    if kind == "refer-bare" and not (
        re.search(rf"\b{_JOB}\b", sentence) or _READER_ORG.search(sentence)
    ):
        return True
    if kind == "needs" and not re.search(r"\b(?:i|me|my)\b|\?$", sentence):
        return True
    if kind == "search" and not reader_org and _OWN_PLAN.search(clause_before):
        return True
    if kind in ("fit", "fit-bare") and _FIT_TARGET_NOT_A_JOB.search(match.group() + clause_after):
        return True
    if kind == "fit-bare" and not (
        _JOB_NAMED.search(whole) or re.search(r"\b(?:advertis\w+|recruiting|hiring)\b", whole)
    ):
        return True
    if kind == "get-in" and (
        _YEARS_AWAY if _THEIR_ORG_OR_NAMED.search(clause) else _FAR_FUTURE
    ).search(sentence):
        return True
    if kind == "be-one" and not re.search(
        rf"\b(?:takes? on|taking on|hires?|hiring|recruits?|recruiting|{_PERSON})\b", whole
    ):
        return True  # "one of them" is someone the team takes on, named in the message
    if kind == "hired" and (
        not re.search(r"\b(?:i|me|my)\b", clause_before) or _SOMEONE_ELSE.search(clause_before)
    ):
        return True  # "my sister just got hired at a firm like yours"
    if (
        kind == "leads"
        and "heads" in match.group()
        and not re.search(
            rf"\b(?:{_JOB}|applications?|hiring|recruit\w*|(?:nothing|anything|something) "
            r"(?:open|going|available)|opens? up)\b",
            sentence,
        )
    ):
        return True  # "a heads-up on the topics you'd like to cover"
    if (
        kind in ("search", "want")
        and re.search(r"\b(?:not|never)\b", sentence)
        and re.search(r"\bready to\b|\byet\b", sentence)
    ):
        return True  # "I'm not sure I'm ready to apply for roles yet"
    return (
        kind == "leads"
        and "lead" in match.group()
        and not re.search(r"\b(?:any|welcome|appreciate|grateful|pass|send|share|have)\b", clause)
    )


# --- the structure of an ask: (a) directed at the reader, (b) for employment ------------------
#
# Round 3. Rather than one more phrase per miss, each sentence is read for an ask aimed at the
# reader (a modal or conditional "could you", "would you", "if you", "any chance", "please",
# "I'd be grateful if/for", "I'd love") followed, in the same clause, by an employment object
# ("a role", "any vacancies", "a placement", "work experience", "an intern") or verb ("hire
# me", "take me on", "join your team", "work with you"). Guards: a negation; a question about
# the topic between the two ("could you tell me how placements work", "I'd love to hear about
# your role"); the reader's own job ("your first job"); the reader's past ("when you joined");
# someone else as the one employed; a slot in a calendar; a search years away.

_ASKED = re.compile(
    r"\b(?:(?:could|would|can|will|might|may) (?:you|your (?:[\w'-]+ ){0,2}?"
    rf"{_ORG_NOUN}|{_YOU_ALL})|(?:you|your (?:[\w'-]+ ){{0,2}}?{_ORG_NOUN}) "
    r"(?:could|would|might|may)|(?:if|should|in case) "
    r"(?:you|your (?:[\w'-]+ ){0,2}?"
    rf"{_ORG_NOUN}|there)|please|kindly|any chance|is there any (?:way|chance)|would it be "
    r"(?:possible|ok|okay|alright)|do you think|i (?:am|was) wondering|i wondered|whether you "
    r"(?:would|could|might|may|can|will|are|have)|(?:is|would|might) there (?:be )?(?:a|any) "
    r"(?:chance|way|room|space|possibility|scope)|any scope|might there|would there|"
    r"(?:could|can|may|might) i|(?:whether|if) i (?:might|could|may|can)|i would "
    r"(?:really |so |very |truly |hugely |be (?:so |very |really |truly |most |hugely |"
    r"incredibly |extremely )?)?(?:grateful|thankful|appreciative|delighted|thrilled|honou?red|"
    r"love|like|welcome|appreciate|value|jump at|be keen)|i would (?:\w+ )?(?:also )?be "
    r"(?:\w+ )?(?:keen|happy|glad|eager|thrilled|delighted|grateful))\b"
)
# "job boards", "internship fairs": the job word names something else.
_COMPOUND = (
    r"(?! (?:boards?|sites?|search|searches|searching|hunt|hunting|market|markets|titles?|"
    r"descriptions?|fairs?|security|satisfaction|seekers?|interviews?|tips|advice|skills|"
    r"ladders?|rotations?|changes?|applications? (?:tips|advice|process)|process|processes|"
    r"season|cycle|shadowing|hopping)\b)"
)
_EMPLOYMENT = re.compile(
    rf"\b(?:jobs?{_COMPOUND}|roles?{_COMPOUND}(?! (?:of|model|models|in (?:the|a|an|shaping|"
    r"helping)|play)\b)|"
    r"positions?(?! (?:on|that|of|to)\b)|openings?(?! (?:your|a|an|the|my|remarks|up)\b)|"
    rf"vacanc(?:y|ies)|placements?{_COMPOUND}(?! (?:of|test|exam)\b)|internships?{_COMPOUND}|"
    r"interns?(?! with you "
    r"on)|"
    r"(?:graduate|grad|training|trainee|summer|rotational|internship|apprenticeship|early "
    r"careers?) (?:schemes?|programmes?|programs?|intakes?)|work experience|"
    r"work placements?|spots?(?! (?:on|of)\b)|"
    # "the opportunity" alone is usually the chance to talk; a job opportunity is qualified.
    r"(?:any|job|internship|work|career|employment|summer|paid|entry[_ ]level|graduate|junior) "
    r"opportunit(?:y|ies)(?! (?:to|for) (?!me\b|someone|a student|students))|"
    r"opportunit(?:y|ies) (?:(?:at|with|in|on) (?:your|you)|(?:that )?(?:might |may )?(?:come "
    r"up|arise|open)|for (?:me|someone like me|a student)|available)|hires?|hiring|"
    r"apprenticeships?|traineeships?|co[_-]?ops?|employment|fellowships?|clerkships?|"
    r"(?:hire|employ) me|(?:take|taking|bring|bringing) me (?:on|onboard|aboard)|"
    r"(?:take|taking) on (?:an? |another |any |more )?(?:[\w'-]+ )?(?:students?|interns?|"
    r"graduates|grads|freshers|trainees|juniors)|"
    r"(?:anything|something) (?:suitable|going(?! (?:on|to|well|through|ahead|right|wrong|"
    r"around|round|back|out|in)\b)|available|open|coming up)|(?:casual|part_time|"
    r"paid|temporary|temp|holiday|vacation|seasonal|freelance|contract|summer) work|"
    r"(?:need|needs|use|want) (?:someone|somebody) to (?:help|work|assist|cover|support)|"
    rf"(?:join|joining) (?:your|you (?:on|at)) (?:[\w'-]+ ){{0,2}}?{_ORG_NOUN}(?![\w'])|"
    r"(?:work|working|intern|interning) (?:for|with|under|alongside) you\b(?! (?:to|on (?:a|an|"
    r"this|that|the) (?:call|chat|time))\b)|"
    r"(?:intern|interning|work|working) (?:at|with|for|in) your|"
    r"intakes?|(?:short_term|fixed_term|temporary|temp|paid|freelance|part_time|full_time|"
    r"permanent|summer|junior) contracts?|"
    r"(?:recruit(?:ment|ing|ers?)|hr|talent|hiring) (?:team|partners?|managers?|leads?|"
    r"panel|people|department|colleagues?)|recruiters?|"
    r"sponsor (?:a |my |me for a )?(?:work )?visa|visa sponsorship|(?:for me|me) to join\b|"
    r"(?:join|start|come on board|come aboard|stay on) (?:you |your team )?as (?:an?|the|your)|"
    r"stay on (?:with|at|in) (?:your|you)|stay on(?= ?(?:$|[,.;:!?]|if|after|afterwards|as|"
    r"permanently))|trial (?:shifts?|days?|weeks?|periods?)|"
    r"give (?:me|a (?:[\w'-]+ ){0,3}?(?:graduate|grad|student|trainee|newcomer|junior|nurse|"
    r"engineer|designer|analyst)) (?:a|my) (?:first )?(?:chance|start|break|shot|try)|"
    r"volunteer(?:ing)? (?:with|at|for|in) your|in (?:any|a|some) (?:paid |official |junior )?"
    r"capacity|(?:get|getting|be|being) (?:on|onto|on to) (?:the|your) (?:[\w'-]+ ){0,3}?"
    r"(?:rota|roster|books|payroll|bank|shortlist)|"
    r"(?:(?:use|need)|(?:space|room|a place|capacity)(?: (?:on|in|at|with) (?:the|your) "
    r"[\w'-]+)? for) (?:an? |another |one more |extra |some )(?:[\w'-]+ )?(?:"
    rf"{_PERSON}|hands|help)|(?:an? extra|another) hand)\b"
)
# Between the ask and its object, a sign that the topic is asked about, not the thing itself.
_ASKED_ABOUT = re.compile(
    r"\b(?:about|how|what|which|why|where|who|whom|advice|tips|insights?|perspectives?|"
    r"thoughts|views?|opinion|experience (?:of|on|with|in)|story|journey|path|stories|"
    r"describe|explain|understand|learn|hear|like|compare|differ|differs|difference|between|"
    r"recommend|suggest|resources|books?|reading|tell me if|walk me through|someone|"
    r"somebody|people|students|others|grads|graduates|candidates|applicants|newcomers|"
    r"folks|firms|companies|employers|organi[sz]ations|businesses|hospitals|schools|agencies|"
    r"startups|most|typical|typically|usually|generally|whether(?! (?:i|you|your|there)\b)|worth|"
    r"matters?|more important|better|(?:when|while|before|after|once) applying|"
    r"thank|thanks|thanking)\b"
)
# The reader's own job: "your first role", "the job you had".
_READERS_OWN = re.compile(
    r"\byour (?:own |first |current |previous |early |old |last |summer |new |day |"
    r"[\w'-]+ )?$|\b(?:when|after|before|since|as) you (?:[\w'-]+ ){0,3}$"
)
_ROUTED = re.compile(
    r"\bwho (?:i should |to |i could )?(?:speak|talk|write|apply) to about\b|\b(?:keep|keeping) "
    r"me (?:posted|in the loop|updated|informed) (?:about|on|of)\b"
)
# The student's own placement or job: "I'm on placement Monday to Thursday", "my internship".
_STUDENTS_OWN = re.compile(
    r"\b(?:i am|i was|i will be|i have been|i have|i had|i did|i completed|i finished|i "
    r"started|i start|i begin|i) (?:\w+ )?(?:on|in|doing|at|a|an|my)? ?$|\bmy (?:[\w'-]+ )?$"
)
_READERS_PAST = re.compile(
    r"^(?:\w+ )?(?:were|was|did|had|got|took|joined|started|began|moved|made|went|found|"
    r"landed|left|came|knew|hired|applied|first|once|used to)\b"
)


_IN_MY_SHOES = re.compile(r"\bif you were\b|\bin my (?:shoes|position|place)\b")
_THEIR_CHOICE = re.compile(r" (?:\w+ )?(?:apply|choose|pick|prefer|go for|opt for)\b")
_WH_QUESTION = re.compile(r"(?:which|how|why|where|who|whom)\b")
# The job as the subject of a question about it: "is necessary", "would help", "matters".
_ABOUT_THE_THING = re.compile(
    r" (?:(?:is|are|was|were|would be|will be) (?:really |actually |always |still |even )?"
    r"(?:necessary|important|worth|useful|required|essential|needed|helpful|valuable|better|"
    r"enough|a must|the best|a good|the right|common|normal|typical|realistic|competitive|hard|"
    r"easy|difficult|tough|possible|likely|paid|unpaid)|(?:would |will |really )?(?:matters?|"
    r"helps?|counts?|help|matter|count))\b"
)


def _directed_asks(sentence: str) -> list[tuple[int, int]]:
    found = []
    for ask in _ASKED.finditer(sentence):
        rest = sentence[ask.end() :]
        stop = re.search(r" (?:;|\.|!|\?|but|though|although|however|whereas) ", rest + " . ")
        scope = rest[: stop.start()] if stop else rest
        if _READERS_PAST.search(scope.lstrip()):
            continue
        if _IN_MY_SHOES.search(sentence) or _THEIR_CHOICE.match(sentence[ask.end() :]):
            continue  # "if you were in my shoes, would you apply for the scheme or a master's?"
        if _WH_QUESTION.match(sentence[: ask.start()]):
            continue  # "which companies would you say hire the most graduates?"
        for obj in _EMPLOYMENT.finditer(scope):
            between = scope[: obj.start()]
            if len(between.split()) > 20:
                break
            if _ABOUT_THE_THING.match(scope[obj.end() :]):
                break  # "do you think an internship is necessary?": a question about it
            routed = _ROUTED.sub(" ", between)  # "who to speak to about getting onto the rota"
            theirs = _READERS_OWN.search(between) and not re.search(
                r"(?:schemes?|programmes?|programs?|intakes?)$", obj.group()
            )  # "your first role" is the reader's own job; "your graduate programme" is not
            if _ASKED_ABOUT.search(routed) or theirs:
                continue
            if _STUDENTS_OWN.search(between) or _GATHERING.search(obj.group()):
                continue
            clause = sentence[: ask.start()] + between
            if _NEGATION.search(_HEDGES.sub(" ", clause[-60:] + obj.group())):
                break
            after = scope[obj.end() :]
            if _SCHEDULING.search(after[:40]) and re.match(r"spots?|opening", obj.group()):
                continue
            if _GATHERING.search(after[:40]) and re.match(
                r"(?:space|room|a place|capacity)", obj.group()
            ):
                continue  # "room for a student at the back of your lecture"
            if _FAR_FUTURE.search(sentence) or _PAST.search(between):
                break
            found.append((ask.start(), ask.end() + obj.end()))
            break
    return found


def _openly_available(clause: str) -> bool:
    return bool(
        re.search(
            r"\b(?:available|open|hiring|this (?:summer|fall|spring|year)|next (?:summer|year)|"
            r"for (?:me|someone like me|a student like me|students like me)|i could apply|i "
            r"might apply|i can apply|to apply)\b",
            clause,
        )
    )
