"""Round 5 of the checker (issue #20): job asks read by their structure, on phrasings written
after rounds 1-4, and their innocent look-alikes; name particles, blanks and date slips."""

from __future__ import annotations

import pytest

from tests.domain.checker.helpers import findings

# Job asks in phrasings none of the labelled sets uses: a question to the reader about a named
# employer, endorsement of the student, availability, a hope aimed at the reader's team.
ROUND_FIVE_ASKS = [
    "Would your group have room for a summer research student this year?",
    "If a junior copywriter role ever comes up at your agency, I'd love to hear about it.",
    "I was hoping you might pass my portfolio to whoever runs recruitment at your studio.",
    "Any chance your lab needs a part-time research assistant next semester?",
    "I'd be thrilled to be considered for the data analyst opening on your team.",
    "Could you let me know if there's a vacancy in your department?",
    "I'm currently job hunting and would appreciate any leads you may have.",
    "Do you happen to know whether Pfizer is recruiting graduates this year?",
    "Is there any possibility of a placement with your firm over the summer?",
    "I'd really appreciate it if you could flag my application to the hiring manager.",
    "I'd be grateful if you could refer me for the associate role.",
    "Please let me know if your team has any openings for a junior designer.",
    "Would you be open to taking me on as an intern in June?",
    "I hope to land a role at Monzo after graduation and wondered if you could help me get there.",
    "I'm applying to the Unilever Future Leaders programme and would really value a "
    "referral from you.",
    "If you know anyone on your team who is hiring, I'd love an introduction.",
    "I'd love the chance to work for your company if anything opens up.",
    "Would it be possible to shadow your team with a view to a paid role later?",
    "Might there be a spot for me on your next project team?",
    "I'm hoping to get hired at a firm like Arup, so would you put a word in for me?",
    "Could you forward my CV to your HR team?",
    "I'm on the lookout for a graduate role in policy and would welcome any pointers to openings.",
    "Is your newsroom looking for any freelance contributors at the moment?",
    "I'm wondering if you'd consider me for the research assistant post.",
    "If you ever need someone to help with fieldwork, I'd jump at the chance.",
    "Would your company sponsor a visa for a graduate hire?",
    "I'd be keen to know if there are any internships going at your firm.",
    "Let me know if your clinic is taking on any new physio graduates.",
    "I'd like to apply for the open analyst role - could you put me in touch with the recruiter?",
    "Would you keep me in mind if a position becomes available?",
    "I was wondering if the team might need an extra analyst over the summer.",
    "Could I come and work for you over the holidays?",
    "Are you guys looking for interns this summer?",
    "It would mean a lot if you could recommend me to your hiring team.",
    "I'd welcome the chance to interview for the trainee role.",
    "Does your team ever take on graduates without a computer science degree? I'd love to be one.",
    "Is there any way I could join your team after I graduate in May?",
    "I'd love to know whether there might be an opening for me at your practice.",
    "If your firm is expanding, I'd be keen to be part of it.",
    "Would you be willing to put my name forward for the graduate scheme?",
    "I know it's a long shot, but if there's ever a place for me at your company I'd "
    "take it in a heartbeat.",
    "Honestly, I'd love to end up on your team one day soon, if you'd have me.",
    "Would you mind passing my details along to your recruitment folks?",
    "I'm graduating in May and am actively seeking entry-level roles in UX; if you "
    "hear of anything, please think of me.",
    "Could you possibly put in a good word with the partners?",
    "Should a junior role open up, I'd be very keen to throw my name in.",
    "Is the associate programme at your bank still open for applications this cycle?",
    "If you need an intern for the summer, I'm your person.",
    "Any openings for a new grad on your side?",
    "I'd be so grateful for a referal to the grad program at Google.",
    "Would you concider me for the summer internship?",
    "do u know if ur team is hiring??",
    "I was hoping I might be able to intern with your lab this summer.",
    "Would it be weird to ask if I could apply for the role you posted last week through you?",
    "I'm on the hunt for my first nursing job and would love to work on your ward.",
    "I'm exploring opportunities at companies like yours and wondered if your team "
    "might have a spot for someone like me.",
    "If it's not too forward, I'd love to be considered when your next intake opens.",
    "Happy to send my CV over for the open junior designer role if helpful.",
    "Could I send you my CV in case anything suitable comes up?",
    "I'm available from June and would love to help out at the studio in any way you need.",
    "We'd love to have a chat about whether there's room on your team for a graduate engineer.",
    "Perhaps you could pass my name to the recruiter for the policy analyst position?",
    "Would there be any possibility of a short-term contract with your team?",
    "I am seeking a position as a trainee accountant and would be honoured to join your firm.",
    "By any chance, is your firm recruiting paralegals right now?",
    "If your team is ever short a pair of hands for the busy season, I'd be glad to step in.",
    "Would your practice consider a final-year student for a few weeks of paid work "
    "over Christmas?",
    "I'd love to be the first name on your list when a junior post comes up.",
    "Please feel free to share my résumé with anyone at your firm who's hiring.",
    "I wonder if your unit would be willing to give a new graduate nurse a chance.",
    "Could you let the hiring team know I'm interested in the analyst role?",
    "Any tips on openings at your firm, or would you be comfortable referring me?",
    "I'm putting together applications for September and would be over the moon to "
    "land something at your agency.",
    "Would you be comfortable vouching for me if I applied to the Bristol office?",
    "My goal is to join Monzo's data team, and I'd be grateful for any help getting my foot in.",
    "I'm hoping there might be a way for me to contribute to your lab as a paid RA.",
    "If there's any chance of a trial shift in your kitchen, I'd really appreciate it.",
    "I'd be very grateful if my application could be brought to the attention of the "
    "selection panel.",
    "Would it be cheeky to ask whether you're taking on any apprentices?",
    "Is there someone at your company I could send my CV to about the graduate roles?",
    "Between us, I'd jump at anything going in your analytics team.",
    "I'm finishing my degree in June, so if your department takes graduates, I'd "
    "love to be in the mix.",
    "Would your boss be open to meeting me about the junior producer job?",
    "I hope it's not cheeky, but I'd love to know if you think I could get a look-in at your firm.",
    "If you're ever hiring again, please do let me know, as I'd apply in a heartbeat.",
    "I'm currently applying to the Deloitte graduate scheme, and a word from you "
    "would mean the world.",
    "I've applied for the marketing assistant job at your company and wondered if "
    "you could keep an eye out for my application.",
    "Could you give me a heads-up when applications open for your summer analysts?",
    "I'd be so happy to do my dissertation placement with your team if you'd consider it.",
    "Could you let me know who handles recruitment at your hospital so I can send my CV?",
    "I'm looking to make the move into UX and would welcome any opportunities at your agency.",
    "Would your company be willing to take me on for a six-month secondment?",
    "If you think I'd be a good match for the vacancy, I'd really appreciate your backing.",
    "Might your team need a hand with data entry this summer? I'm free from July.",
    "I'd love to get my CV in front of the right person at Arup.",
    "Is it too forward to ask whether there's a role for me in your new London office?",
    "I'm desperate to work in publishing and your imprint is my first choice - is "
    "there any way in?",
    "Do you reckon your firm would take on a part-timer while I finish my degree?",
    "Please consider this note as my application for the trainee post.",
    "I wanted to ask if you might refer me to the hiring manager for the role I mentioned.",
    "Im graduating this spring and honestly would love to be considerd for anything on your team.",
    "Would you be open to passing my portfolio on to your creative director? I'd "
    "love to be in the running for the junior role.",
    "If its not too much to ask, could you tell your recruiter about me?",
    "Any chance you'd be up for putting my name in for the spring internship?",
    "It would be amazing to join the team at Canva, even as an intern.",
    "I noticed you're advertising for a lab technician and I think I'd be well suited to it.",
    "I'm keen to start my career at a firm like Slaughter and May, and I'd be "
    "grateful for your support with my application.",
    "You said the ward sometimes needs bank staff - could I put myself forward?",
    "I hope you might let me shadow you for a week, and perhaps stay on if it goes well.",
    "Could I come in for a trial day at the bakery?",
    "Would love to hear if there are any openings on the design side!",
    "If there's a way for me to get onto your graduate programme, I'd be very "
    "grateful for any help.",
    "I was hoping to be your first hire when the startup grows.",
    "Is your company open to hiring international students?",
    "I have my interview for the analyst role next week, could you put in a good "
    "word with the panel?",
    "If a seat ever opens up on your research desk, I'd be thrilled to fill it.",
    "Should your team have capacity for a graduate next year, I'd welcome the chance "
    "to be considered.",
    "Any room in your practice for someone fresh out of vet school?",
    "I'd love to throw my hat in for the summer associate programme if you think it's worth it.",
    "Would you consider sponsoring me for the Chevening-funded role at your office?",
    "Could you flag me to the people running the graduate intake?",
    "I'm job-hunting at the moment, so if your firm has anything, please keep me posted.",
    "I'd really like to come and work for you after I qualify this summer.",
    "Does your team hire straight out of university? If so, I'd love to apply.",
    "Please put me on the list for your next round of interns.",
    "Do let me know if I can apply to your team directly.",
    "I'd be honoured to be considered for a position as your research assistant.",
]

# Their look-alikes: the reader's story, how hiring works, the student's own past or far
# future, someone else's job, advice about applying, a CV offered for context.
ROUND_FIVE_LOOK_ALIKES = [
    "How did you land your first role after graduating?",
    "What entry-level roles exist in supply chain?",
    "I've attached my resume so you have some context on my background.",
    "When I was interning at Deloitte last summer, I learned a lot about audit.",
    "In a few years I'll be looking for jobs in biotech, so I'm starting early.",
    "How does hiring work at a large hospital?",
    "Which roles would you recommend for someone with my background?",
    "I'm not looking for a job, just advice.",
    "What do hiring managers look for in a junior analyst?",
    "Could you tell me how you got your position at the bank?",
    "I'd love to hear how your team decides which interns to hire.",
    "My friend was hired at your firm last year and loved it.",
    "Do you think an internship is necessary to get into consulting?",
    "Would you recommend any books for someone starting out in policy?",
    "I'm curious what the typical career path looks like for a junior designer.",
    "Your team's opening keynote at the conference was inspiring.",
    "I'm applying to grad school next year and wondered how you chose yours.",
    "Did you have to do an unpaid internship to get started?",
    "I wondered whether you'd be open to a 20-minute call next week.",
    "Is it common for new grads to start in operations?",
    "What would you look for if you were hiring for your team?",
    "I'd love to learn about the role of data in public health.",
    "Could you recommend anyone else I should speak with?",
    "I have a placement at a local hospital this term.",
    "I'm happy to share my CV if it helps you see where I'm coming from.",
    "What was your job search like after your PhD?",
    "Are there particular skills that make applicants stand out in your field?",
    "How competitive are graduate schemes in banking?",
    "I'd love to know how you moved from engineering into product.",
    "Would you mind sharing how the recruitment process works at consultancies in general?",
    "I know it's a long shot, but I'd love to hear how you made the jump into design.",
    "I'm not asking for a referral; I'd just value twenty minutes of your perspective.",
    "Our team is hiring interns this summer and I'm helping run the process.",
    "How would you recommend I approach recruiters at career fairs?",
    "I'd love to hear what your first year on the team was like.",
    "My manager referred me to you because you know the field so well.",
    "When you were hiring for your team last year, what stood out in applicants?",
    "I'll be applying for internships in three years, after my gap year.",
    "Could you tell me which teams at your company work on payments?",
    "I was an intern at a small studio last summer, which is where I caught the design bug.",
    "Please don't feel any pressure to help me find a role; I'm only after advice.",
    "I'd love to know how you think about hiring juniors versus experienced staff.",
    "Your post about opening a second clinic was fascinating.",
    "Do firms like yours usually take on students for summer placements, and how do they choose?",
    "I've read that your company is hiring 300 engineers this year; what's driving the growth?",
    "Would you have any advice on positioning myself for roles in climate tech?",
    "I attached my CV only so you can see my background; I'm not applying for anything.",
    "I'm considering a master's versus going straight into the job market and would "
    "love your view.",
    "Is it worth doing a placement year before applying for graduate schemes?",
    "My sister works at your firm and spoke highly of your team.",
    "I've attached my CV for context, not as an application; I'd just value your advice.",
    "How did hiring work when you joined the BBC?",
    "I spent last summer interning at a law firm, which made me curious about in-house roles.",
    "Which entry-level roles would you say suit a maths graduate?",
    "I won't be on the job market until 2028, so this is purely exploratory.",
    "What made you decide to accept the offer from your current firm?",
    "I'm keen to understand how analysts get promoted at your bank.",
    "Do you remember what your first week in the role was like?",
    "Could you share how you'd approach a career change into data at thirty?",
    "I'd love to hear about the opening of your new office in Leeds.",
    "I worked as a runner on two shoots last year and loved it.",
    "My classmates keep asking me whether internships in marketing are paid.",
    "I'd value your thoughts on whether a placement year is worth it.",
    "Would it be alright if I mentioned our conversation to my careers adviser?",
    "If you're ever in Glasgow, I'd love to buy you a coffee.",
    "You suggested I join Monzo's data team meetup, which I did.",
    "I'll send my CV to the careers service for feedback first.",
    "My application to the master's programme was brought to the attention of the "
    "admissions panel.",
    "Were you ever short of hands during the pandemic, and how did you cope?",
    "I'd love to hear how you landed something at such a competitive agency.",
    "Did anyone give you a chance early on when you had no experience?",
    "I'm available from June if a call then suits you better.",
    "How did you end up on the product team after starting in sales?",
    "Is the grad program at your company worth it compared with a direct hire?",
    "I'd be glad to send my CV if it helps you tailor your advice.",
    "Could you describe what a junior contract role at an agency usually looks like?",
    "If there's a recording of your webinar, I'd love a link.",
    "Is there someone at your company who could tell me more about graduate roles in general?",
    "What should a student do to get their foot in the door at a big firm?",
    "I was wondering if you had any advice on applying for summer internships.",
    "Would you recommend taking a part-time job while studying?",
    "I'm interested in how your team recruits interns, for a project I'm writing.",
    "My friend is hoping to join your team next year; I'm only after advice for myself.",
    "I hope your team's launch goes well next week.",
    "I'd love to work on my portfolio before applying anywhere, so any tips on that would help.",
    "I'd jump at the chance to hear more about your analytics work.",
    "How did you know you were ready to apply for a management role?",
    "Your department took on three graduates last year, which must have been a big change.",
    "My boss suggested I reach out to you for advice on data careers.",
    "I applied for a grant last month and learnt a lot about writing proposals.",
    "I'm curious whether your firm's graduate scheme rotates people through different teams.",
    "Could you give me a heads-up on the topics you'd like to cover in our call?",
    "I'd love to hear what made you choose your current team.",
    "I'm looking to make the move into UX and would welcome any advice on portfolios.",
    "If I were to apply to firms like yours in a few years, what would you want to see?",
    "I'm not sure I'm ready to apply for roles yet, so I'm gathering perspectives first.",
    "What's the best way to stand out when applying for junior producer jobs?",
    "I'd be happy to send you my portfolio link before our call, if useful.",
    "I don't expect any job leads; I'm only after twenty minutes of advice.",
    "When did you first realise you wanted to move into management?",
    "Im graduating this spring and would love to hear how you chose your first role.",
    "I noticed you're advertising your new course and I think my classmates would love it.",
    "Could I come in for the open day at the bakery school?",
    "It would be amazing to see the team at Canva at work one day, if you ever run office tours.",
    "Would love to hear what the design side of your team looks like day to day.",
    "Is your company open to remote work for experienced staff, or is it office-first?",
    "I have my interview for the master's programme next week; any tips on staying calm?",
    "I was your first reader on the newsletter, back when it launched!",
    "If there's a way to follow your team's research, I'd love to know.",
    "How did you get onto the graduate programme, and what did the assessment centre involve?",
    "If a seat ever opens up at your next workshop, I'd love to attend.",
    "Should your team have time for a short call next week, I'd welcome the chance "
    "to learn from you.",
    "Any advice for someone fresh out of vet school?",
    "I'd love to throw my hat in for the student paper's editor election, but I'm nervous.",
    "Would you consider speaking at our society's careers evening?",
    "Could you flag any articles I should read before our call?",
    "I was job-hunting for months after my first degree, which taught me a lot.",
    "I'd really like to come and see your lab in action someday, if you ever run tours.",
    "Does your team hire mostly from engineering, or do you see people from maths too?",
    "Please put me in touch with anyone you think I should talk to about policy careers.",
    "Do let me know if I can send anything to prepare for our chat.",
    "I'd be honoured to hear about your research assistant days.",
]


@pytest.mark.parametrize("text", ROUND_FIVE_ASKS)
def test_asks_for_job_round_five_reads_the_structure_of_an_ask(text: str) -> None:
    assert findings(text, "asks-for-job"), text


@pytest.mark.parametrize("text", ROUND_FIVE_LOOK_ALIKES)
def test_asks_for_job_round_five_leaves_look_alikes_alone(text: str) -> None:
    assert findings(text, "asks-for-job") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("I saw the demo at PAX East in Febuary and loved it.", "Febuary"),
        ("Would Wensday afternoon work for a call?", "Wensday"),
        ("I truely appreciated your advice on the thesis.", "truely"),
        ("My friend Marel at Marek Foods suggested I write to you.", None),
        ("Sanjay from the comms team shared your name.", None),
        ("Your notes on option expiries and splinting techniques were clear.", None),
    ],
)
def test_spelling_round_five_months_inflections_and_names(text: str, flagged: str | None) -> None:
    words = [text[f.start : f.end] for f in findings(text, "spelling") if f.start is not None]
    assert words == ([flagged] if flagged else [])


@pytest.mark.parametrize(
    "text",
    [
        "Hi Ms. Kruger, I'm Pieter van der Merwe, a viticulture student at Stellenbosch.",
        "Hi Dana! Nursing student at Humber College here. Would you have 15 minutes?",
        "Hi Chidi, 4th year CS at UNILAG here. Would you have 15 minutes for a call?",
        "Hi Paul, I got the job at the Parks Board! Your advice to mention my volunteer work "
        "really paid off. Thanks again. Sam",
    ],
)
def test_introduction_reads_name_particles_role_lines_and_readers_already_met(text: str) -> None:
    assert findings(text, "missing-introduction", kind="linkedin-note", channel="linkedin") == []


def test_why_you_needs_more_than_a_blank_or_a_note_sent_to_many() -> None:
    blank = "I'm Zoe, a student at Durham. Your research on ___ stood out. Could we talk?"
    many = (
        "I'm Daniel, a senior at UCLA. I'm reaching out to a number of professionals to learn "
        "about careers in accounting. I'd like to ask about your career path. Could we talk?"
    )
    named = "I'm Zoe, a student at Durham. Your research on sleep stood out. Could we talk?"
    assert findings(blank, "missing-why-you")
    assert findings(many, "missing-why-you")
    assert findings(named, "missing-why-you") == []


@pytest.mark.parametrize(
    "text",
    [
        "My clinical instructor spoke so highly of your work on the oncology floor.",
        "Dr. Feldman showed us your team's catheter design in our course.",
        "I'd love to learn from your work on flood-resilient housing, which I read about in "
        "Der Spiegel.",
        "I played the demo of Lanternfall at PAX East and loved the pacing.",
    ],
)
def test_source_reads_more_ways_of_coming_across_them(text: str) -> None:
    assert findings(text + " Would you have 20 minutes?", "missing-source") == []
