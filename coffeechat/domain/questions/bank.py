"""The built-in question bank, written for coffeechat.

Blanks: {field}, {organization} and {role} (see `blanks.fill`). Minutes are honest estimates
of a good answer: mostly 2, a few longer story questions at 3, quick ones at 1, so that the
planner can fit 5-10 questions into 20 minutes and 10-15 into 30.

Priorities follow the length of the conversation: "must ask" (1) is what a 20-minute
conversation holds (their path, a typical day, skills, what they love and what frustrates
them, advice, and the two closers); "good to ask" (2) is what 30 minutes adds (entry-level
roles, trends, culture, a resume look, professional associations, staying in touch); "nice
to ask" (3) fills longer conversations.
"""

from __future__ import annotations

from typing import Final

from coffeechat.domain.questions.model import Category, Closer, Priority, Question, Tiara

# key, category, minutes, priority, TIARA tag, text
_Row = tuple[str, Category, int, Priority, Tiara | None, str]

_ROWS: Final[tuple[_Row, ...]] = (
    # Openers: restate why you are here, thank them, or warm up. The planner uses one.
    (
        "opener-purpose",
        "opener",
        1,
        1,
        None,
        "Thank you so much for making time today. As a quick reminder of why I reached out: "
        "I'm exploring {field}, and I'm here to learn from your experience and advice, not to "
        "ask about openings. I'll keep an eye on the clock so we finish on time.",
    ),
    (
        "opener-small-talk",
        "opener",
        1,
        3,
        None,
        "Before we dive in: how has your week been so far?",
    ),
    (
        "opener-busy",
        "opener",
        2,
        3,
        None,
        "Thanks for fitting me into your schedule. I'd love to hear a little about what keeps "
        "you busy these days before we get to my questions.",
    ),
    # Their path.
    (
        "path-first-job",
        "path",
        3,
        1,
        "insights",
        "How did you first get into {field}, and what was your very first job in it like?",
    ),
    (
        "path-journey",
        "path",
        3,
        3,
        "insights",
        "Which roles have you held since your first job, and what made you choose each move?",
    ),
    (
        "path-typical",
        "path",
        2,
        3,
        "insights",
        "How typical is your route into {field}, and what do other common routes look like?",
    ),
    ("path-drawn", "path", 2, 3, "insights", "What drew you to {field} in the first place?"),
    (
        "path-helpful-experience",
        "path",
        2,
        3,
        "insights",
        "Which earlier jobs or experiences prepared you best for the work you do now?",
    ),
    (
        "path-surprise",
        "path",
        2,
        3,
        "insights",
        "What surprised you most once you were actually working in {field}?",
    ),
    (
        "path-hindsight",
        "path",
        2,
        3,
        "advice",
        "Knowing what you know now, what would you do differently early in your career?",
    ),
    (
        "path-mentors",
        "path",
        2,
        3,
        "insights",
        "Who helped you most along the way, and how did those relationships begin?",
    ),
    # A typical day or week.
    (
        "day-typical",
        "day",
        2,
        1,
        "assignments",
        "Walk me through a typical day or week for you: what fills most of your time?",
    ),
    (
        "day-responsibilities",
        "day",
        2,
        3,
        "assignments",
        "What are your main responsibilities, and which of them take the most energy?",
    ),
    (
        "day-projects",
        "day",
        2,
        3,
        "assignments",
        "What kinds of projects or problems land on your desk most often?",
    ),
    (
        "day-recent-project",
        "day",
        3,
        3,
        "assignments",
        "Tell me about a recent project you worked on, from the first idea to the result.",
    ),
    (
        "day-people",
        "day",
        2,
        3,
        "insights",
        "Who do you work with most closely, inside and outside your team?",
    ),
    (
        "day-tools",
        "day",
        1,
        3,
        "assignments",
        "Which tools, methods or software do you rely on every day?",
    ),
    (
        "day-misunderstood",
        "day",
        2,
        3,
        "insights",
        "What do newcomers most often misunderstand about {role}?",
    ),
    (
        "day-hours",
        "day",
        1,
        3,
        "insights",
        "How predictable are your hours, and how do busy seasons change them?",
    ),
    # Skills, education and experience.
    (
        "skills-essential",
        "skills",
        2,
        1,
        "advice",
        "Which skills make the biggest difference to doing well in {field}?",
    ),
    (
        "skills-education",
        "skills",
        2,
        3,
        "advice",
        "What education or training does {field} expect, and how much does a specific degree "
        "matter?",
    ),
    (
        "skills-experience",
        "skills",
        2,
        3,
        "advice",
        "What kinds of experience would make a newcomer like me stand out?",
    ),
    (
        "skills-gap",
        "skills",
        2,
        3,
        "advice",
        "Looking at my background, which gaps would you work on first?",
    ),
    (
        "skills-technical",
        "skills",
        2,
        3,
        "advice",
        "Which specific skills (languages, tools, kinds of writing) should I start building now?",
    ),
    (
        "skills-personal",
        "skills",
        2,
        3,
        "insights",
        "Beyond technical know-how, which personal qualities help people thrive in {field}?",
    ),
    (
        "skills-courses",
        "skills",
        2,
        3,
        "advice",
        "Which classes, activities or side projects turned out to be most useful to you later?",
    ),
    (
        "skills-highlight",
        "skills",
        1,
        3,
        "advice",
        "Which of my strengths would you put forward first when talking to people in {field}?",
    ),
    # Entry-level roles.
    (
        "entry-roles",
        "entry",
        2,
        2,
        "assignments",
        "What are the usual entry-level roles in {field}, and what do people in them actually do?",
    ),
    (
        "entry-alternatives",
        "entry",
        2,
        3,
        "advice",
        "Besides the standard route, what other ways in have you seen work: part-time roles, "
        "volunteering, a mid-career switch?",
    ),
    (
        "entry-hiring",
        "entry",
        2,
        3,
        "insights",
        "What do people who hire in {field} look for in someone just starting out?",
    ),
    (
        "entry-internships",
        "entry",
        2,
        3,
        "assignments",
        "Which internships, fellowships or volunteer roles give people a real head start "
        "in {field}?",
    ),
    (
        "entry-outlook",
        "entry",
        2,
        3,
        "trends",
        "How would you describe the outlook for people starting out in {field} right now?",
    ),
    (
        "entry-first-year",
        "entry",
        2,
        3,
        "assignments",
        "What does the first year usually look like for someone new in {field}?",
    ),
    (
        "entry-moving-up",
        "entry",
        2,
        3,
        "insights",
        "How do people usually move up from a first role, and how long does that tend to take?",
    ),
    (
        "entry-grow-into",
        "entry",
        2,
        3,
        "advice",
        "What path would you suggest to someone hoping to grow into {role}?",
    ),
    # Rewards and frustrations.
    (
        "rewards-best",
        "rewards",
        2,
        1,
        "insights",
        "What do you find most rewarding about your work?",
    ),
    (
        "rewards-frustrations",
        "rewards",
        2,
        1,
        "insights",
        "What are the hardest or most frustrating parts of your job?",
    ),
    (
        "rewards-change",
        "rewards",
        2,
        3,
        "insights",
        "If you could change one thing about {field}, what would it be?",
    ),
    (
        "rewards-stay",
        "rewards",
        2,
        3,
        "insights",
        "What keeps you in {field} on the difficult days?",
    ),
    (
        "rewards-tradeoffs",
        "rewards",
        2,
        3,
        "insights",
        "What trade-offs come with this kind of work, for example around pay, hours or stress?",
    ),
    (
        "rewards-balance",
        "rewards",
        2,
        3,
        "insights",
        "How does this work fit with the rest of your life?",
    ),
    (
        "rewards-pressure",
        "rewards",
        2,
        3,
        "insights",
        "Where does the pressure in your job come from, and how do you handle it?",
    ),
    (
        "rewards-better-than-expected",
        "rewards",
        1,
        3,
        "insights",
        "Which part of the job turned out better than you expected?",
    ),
    # Trends and the future of the field.
    (
        "trends-changes",
        "trends",
        2,
        2,
        "trends",
        "What changes are reshaping {field} right now, and how do they affect people entering it?",
    ),
    (
        "trends-future",
        "trends",
        2,
        3,
        "trends",
        "Where do you see {field} heading over the next five years?",
    ),
    (
        "trends-growing",
        "trends",
        2,
        3,
        "trends",
        "Which areas of {field} are growing, and which are shrinking?",
    ),
    (
        "trends-excited",
        "trends",
        2,
        3,
        "trends",
        "Which developments in {field} excite you most at the moment?",
    ),
    (
        "trends-technology",
        "trends",
        2,
        3,
        "trends",
        "How is technology changing the everyday work in {field}?",
    ),
    (
        "trends-future-skills",
        "trends",
        2,
        3,
        "trends",
        "Which skills do you expect to matter more in {field} a few years from now?",
    ),
    (
        "trends-challenges",
        "trends",
        2,
        3,
        "trends",
        "What challenges will {field} have to face soon, in your view?",
    ),
    (
        "trends-disappearing",
        "trends",
        2,
        3,
        "trends",
        "Which parts of the work do you expect to look very different, or disappear, in a few "
        "years?",
    ),
    # Culture (asked only when the person's organization is known).
    (
        "culture-describe",
        "culture",
        2,
        2,
        "insights",
        "How would you describe the culture at {organization}?",
    ),
    (
        "culture-thrive",
        "culture",
        2,
        3,
        "insights",
        "What kind of person tends to thrive at {organization}, and who tends to struggle?",
    ),
    (
        "culture-team",
        "culture",
        2,
        3,
        "insights",
        "What is it like to work with the people on your team?",
    ),
    (
        "culture-values",
        "culture",
        2,
        3,
        "insights",
        "Which values show up in how decisions get made at {organization}?",
    ),
    (
        "culture-compare",
        "culture",
        2,
        3,
        "insights",
        "How does the culture at {organization} compare with the rest of {field}?",
    ),
    (
        "culture-feedback",
        "culture",
        1,
        3,
        "insights",
        "How do feedback and recognition work at {organization}?",
    ),
    (
        "culture-where-work",
        "culture",
        1,
        3,
        "insights",
        "How do people at {organization} split their time between the office, home and travel?",
    ),
    # The organization: goals, training, paths.
    (
        "organization-goals",
        "organization",
        2,
        3,
        "trends",
        "What are the main goals at {organization} for the next year or two?",
    ),
    (
        "organization-growth",
        "organization",
        2,
        3,
        "trends",
        "Where is {organization} growing: new products, services, places or teams?",
    ),
    (
        "organization-training",
        "organization",
        2,
        3,
        "resources",
        "What training or professional development does {organization} offer people as they grow?",
    ),
    (
        "organization-paths",
        "organization",
        2,
        3,
        "insights",
        "What career paths do people usually follow at {organization}, from a first role to "
        "senior positions?",
    ),
    (
        "organization-challenges",
        "organization",
        2,
        3,
        "trends",
        "What challenges is {organization} working through at the moment?",
    ),
    (
        "organization-distinct",
        "organization",
        2,
        3,
        "insights",
        "What sets {organization} apart from similar places in {field}?",
    ),
    (
        "organization-mission",
        "organization",
        2,
        3,
        "insights",
        "How does your own work connect to the larger mission of {organization}?",
    ),
    # Advice.
    (
        "advice-prepare",
        "advice",
        2,
        1,
        "advice",
        "What would you recommend I do this year to prepare for a career in {field}?",
    ),
    (
        "advice-resume",
        "advice",
        2,
        2,
        "advice",
        "When you have a spare moment, how would you feel about looking over my resume and "
        "telling me what stands out to someone in {field}?",
    ),
    (
        "advice-wish-knew",
        "advice",
        2,
        3,
        "advice",
        "What do you wish someone had told you when you were starting out?",
    ),
    (
        "advice-experiences",
        "advice",
        2,
        3,
        "advice",
        "What experiences would you encourage me to seek out over the next year?",
    ),
    (
        "advice-mistakes",
        "advice",
        2,
        3,
        "advice",
        "What mistakes do you see newcomers to {field} make, and how could I avoid them?",
    ),
    (
        "advice-test-drive",
        "advice",
        2,
        3,
        "assignments",
        "What small project could I take on to get a real feel for the work?",
    ),
    (
        "advice-approach",
        "advice",
        2,
        3,
        "advice",
        "How do people in {field} like to be approached by someone exploring the field?",
    ),
    (
        "advice-present-background",
        "advice",
        2,
        3,
        "advice",
        "How would you suggest I present my background to people in {field}?",
    ),
    (
        "advice-not-asked",
        "advice",
        1,
        3,
        "advice",
        "What haven't I asked about that I should be thinking about?",
    ),
    # Resources and professional organizations.
    (
        "resources-associations",
        "resources",
        2,
        2,
        "resources",
        "Which professional associations or societies in {field} are worth joining as a "
        "student, and which of their events or resources helped you most?",
    ),
    (
        "resources-reading",
        "resources",
        2,
        3,
        "resources",
        "Which publications, newsletters or podcasts do you follow to keep up with {field}?",
    ),
    (
        "resources-events",
        "resources",
        2,
        3,
        "resources",
        "Which conferences, meetups or events would you suggest I attend?",
    ),
    (
        "resources-organizations",
        "resources",
        2,
        3,
        "resources",
        "Which employers or organizations in {field} should be on my radar?",
    ),
    (
        "resources-courses",
        "resources",
        2,
        3,
        "resources",
        "Which courses, certificates or trainings would give me the best return?",
    ),
    (
        "resources-online",
        "resources",
        1,
        3,
        "resources",
        "Where online do people in {field} gather and trade ideas?",
    ),
    (
        "resources-book",
        "resources",
        1,
        3,
        "resources",
        "Which book or article gave you the clearest picture of {field}?",
    ),
    # Referrals: one referral ask per agenda (see CLOSER_OF); the method's own sits at the end.
    (
        "referrals-other-organizations",
        "referrals",
        2,
        3,
        "resources",
        "Which other organizations in {field} would be worth learning about, and whom might I "
        "contact there?",
    ),
    (
        "referrals-ask",
        "referrals",
        2,
        1,
        "resources",
        "Which two or three people would you suggest I speak with next, and how would you feel "
        "about me mentioning your name when I contact them?",
    ),
    # Closing: what they would do in your place, then (with the referral ask) how to stay in
    # touch. "Who else" is another referral ask, kept for users who prefer its wording.
    (
        "closing-your-position",
        "closing",
        2,
        1,
        "advice",
        "Imagine you were starting out today with my background and my interest in {field}: "
        "what would your next few steps be?",
    ),
    (
        "closing-who-else",
        "closing",
        1,
        3,
        "resources",
        "Beyond anyone we've already mentioned, whose perspective would round out my picture "
        "of {field}?",
    ),
    (
        "closing-stay-in-touch",
        "closing",
        1,
        2,
        "resources",
        "How would you feel about me connecting with you on LinkedIn, so I can let you know "
        "where your advice leads?",
    ),
)

# What each closing question does (see model.Closer): an agenda asks each kind once.
CLOSER_OF: Final[dict[str, Closer]] = {
    "closing-your-position": "your-position",
    "closing-who-else": "referral",
    "referrals-ask": "referral",
    "referrals-other-organizations": "referral",
    "closing-stay-in-touch": "stay-in-touch",
}

BUILTIN_QUESTIONS: Final[tuple[Question, ...]] = tuple(
    Question(
        id=key,
        key=key,
        category=category,
        text=text,
        minutes=minutes,
        priority=priority,
        tiara=tiara,
        closer=CLOSER_OF.get(key),
    )
    for key, category, minutes, priority, tiara, text in _ROWS
)

_BY_KEY: Final[dict[str, Question]] = {question.key: question for question in BUILTIN_QUESTIONS}


def builtin_question(key: str) -> Question:
    """The built-in question with this key; raises KeyError for an unknown key."""
    return _BY_KEY[key]
