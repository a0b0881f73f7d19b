/**
 * Word banks for the demo blog's human-written essays ("Field Notes", an invented blogger who writes about his
 * allotment, his bike and his home computers). All text here is made up for the demo. Templates use `{slot}`
 * placeholders filled from the slot tables (compose.ts); a sentence is capitalised after filling.
 *
 * The essays read the way personal blog posts do: first person, anecdotes, hedges, and sentence lengths that
 * swing from two words to forty. They deliberately avoid the signposting templates an AI summary uses.
 */

export const TOPICS = ['gardening', 'cycling', 'tech'] as const;
export type Topic = (typeof TOPICS)[number];

/** Category shown in the feed, and a few tags per topic (none of them an authorship tag). */
export const TOPIC_META: Record<Topic, { category: string; tags: string[] }> = {
  gardening: { category: 'Gardening', tags: ['allotment', 'vegetables', 'compost', 'seeds', 'weather'] },
  cycling: { category: 'Cycling', tags: ['commuting', 'bike maintenance', 'touring', 'club rides', 'hills'] },
  tech: { category: 'Tech', tags: ['home server', 'linux', 'backups', 'self-hosting', 'old hardware'] },
};

/** Slots shared by every topic. */
export const COMMON_SLOTS: Record<string, string[]> = {
  person: ['my neighbour Pat', 'my daughter', 'Dad', 'my brother', 'a man I had never met', 'my partner', 'Alan from the club', 'the lad at the shop', 'my old boss', 'Auntie Jean'],
  when: ['last Tuesday', 'on a wet Sunday in March', 'the week before Easter', 'one evening in October', 'a couple of weekends ago', 'last summer', "on New Year's Day", 'years ago', 'the morning after the storm', 'at half six on a Saturday'],
  num: ['three', 'five', 'seven', 'eleven', 'fourteen', 'twenty', 'forty', 'sixty-odd'],
  years: ['six', 'eight', 'ten', 'twelve', 'fifteen'],
  drink: ['tea', 'coffee', 'a flask of soup', 'a can of something fizzy'],
  weather: ['drizzle', 'a cold east wind', 'the first proper sunshine of the year', 'fog so thick I could barely see the gate', 'sleet'],
};

/** Topic-specific slots: `thing` (a concrete object), `place`, `did` (a past-tense outing), `tool`, `smell`, `T` (title noun). */
export const TOPIC_SLOTS: Record<Topic, Record<string, string[]>> = {
  gardening: {
    thing: ['the tomatoes', 'the runner beans', 'the compost heap', 'the raised bed by the fence', 'the greenhouse', 'the leeks', 'the old apple tree', 'the courgettes', 'a tray of seedlings', 'the water butt', 'the strawberry patch', 'the garlic'],
    place: ['the allotment', 'the back garden', 'plot fourteen', 'the garden centre on the ring road', 'the potting shed', 'the bottom of the garden'],
    did: ['dug over the bottom bed', 'pricked out forty seedlings', 'turned the compost', 'pruned the apple tree', 'moved the rhubarb', 'netted the cabbages', 'sowed the parsnips far too early', 'cleared the brambles behind the shed'],
    tool: ['the old fork', 'a borrowed rotavator', "my grandfather's spade", 'the hose with the split in it', 'a pair of blunt secateurs'],
    smell: ['tomato leaves', 'wet soil', 'bonfire smoke', 'horse manure'],
    T: ['Tomatoes', 'Runner Beans', 'Compost', 'Leeks', 'Slugs', 'Seed Catalogues', 'Rhubarb', 'the Allotment', 'Garlic', 'Frost', 'Raised Beds', 'Weeds', 'Courgettes', 'the Greenhouse', 'Parsnips', 'Sweet Peas'],
  },
  cycling: {
    thing: ['the old steel tourer', 'the chain', 'the rear mech', 'the climb out of the valley', 'my winter tyres', 'the front light', 'the headwind', 'the commute', 'the saddle bag', 'the cattle grid at the bottom of the hill', 'the mudguards'],
    place: ['the canal towpath', 'the top of Blackmoor Lane', 'the café in Upton', 'the bike shed at work', 'the ring road roundabout', 'the lay-by past the quarry'],
    did: ['rode to the coast and back', 'replaced the chain for the first time', 'got a puncture in the rain', 'climbed Blackmoor Lane without stopping', 'cleaned the whole drivetrain', 'rode the Sunday club run', 'commuted every day for a month', 'got properly lost near the reservoir'],
    tool: ['a cheap chain tool', 'the track pump', 'a tyre lever that snapped', 'my multitool', 'a roll of bar tape'],
    smell: ['chain oil', 'wet wool', 'cut grass', 'diesel'],
    T: ['Punctures', 'the Old Tourer', 'Headwinds', 'Winter Riding', 'Chain Wax', 'Hills', 'the Commute', 'Mudguards', 'Club Runs', 'Night Rides', 'Cheap Lights', 'Saddles', 'Panniers', 'Towpaths'],
  },
  tech: {
    thing: ['the home server', 'my old ThinkPad', 'the backup script', 'the Raspberry Pi in the cupboard', 'the router', "this blog's theme", 'the spreadsheet I keep my rides in', 'my password manager', 'the NAS', 'the family printer'],
    place: ['the spare room', 'the kitchen table', 'the cupboard under the stairs', 'the office', 'the loft'],
    did: ['rebuilt the home server', 'moved this blog to a new host', 'wrote a small script to rename photos', 'replaced the router', "restored a backup that I hadn't tested", 'switched the laptop to Linux', 'set up a mail server for fun', 'fixed the printer with a paperclip'],
    tool: ['a screwdriver from a cracker', 'a spare USB stick', 'the terminal', 'an old SATA cable', 'a label maker'],
    smell: ['hot dust', 'solder', 'burnt toast', 'new plastic'],
    T: ['the Home Server', 'Backups', 'Old Laptops', 'Self-Hosting', 'Spreadsheets', 'the Raspberry Pi', 'Password Managers', 'Dotfiles', 'Email', 'Printers', 'My Router', 'Linux on the Desktop', 'Shell Scripts', 'Cables'],
  },
};

/** Human titles; `{T}` is a title noun of the topic. */
export const HUMAN_TITLES = [
  'What {T} Taught Me',
  'A Year of {T}',
  'On {T}',
  '{T}, Again',
  'The Trouble with {T}',
  'Learning to Love {T}',
  'Me and {T}',
  '{T} in the Rain',
  'In Defence of {T}',
  'Everything I Got Wrong About {T}',
  'Small Victories with {T}',
  'Why I Still Bother with {T}',
  'Ten Years of {T}',
  'A Short Note on {T}',
  'Giving Up on {T}',
  '{T} and Other Disasters',
];

export const HUMAN_OPENINGS = [
  "{When} I {did}, and I've been meaning to write about it ever since.",
  'This one starts with {thing}.',
  "I wasn't going to write this post.",
  '{Person} rang me {when} to ask about {thing}, and I realised I had a lot more to say than would fit in a phone call, so here it is.',
  'Every year I tell myself I will do it properly this time.',
  'Right.',
  "I've had {thing} on my mind for weeks now.",
  "It was {weather}, I'd forgotten my gloves, and I was in a mood.",
  'A confession first.',
  'So.',
];

/** Body sentences for any topic: short and long ones, nearly all first person. */
export const HUMAN_SENTENCES = [
  'I {did} {when}.',
  "It didn't go well.",
  'Honestly, I should have known better.',
  '{Person} thought it was hilarious.',
  'The thing about {thing} is that it never does what you expect, and I say that as someone who has spent far too many evenings staring at it, waiting for it to explain itself.',
  "I'm not sure why I keep coming back to this.",
  'So I did what I always do, which is make a cup of {drink} and sit on the back step and think about it for a while.',
  "Maybe that's the point.",
  'Probably not.',
  "{Thing} has never looked worse, and I've never been happier with it.",
  '{Person} asked me why I bother.',
  'It took three hours.',
  'I remember exactly where I was standing when it went wrong, because I had {tool} in one hand and a biscuit in the other, and I dropped the biscuit.',
  'Anyway.',
  "There's a lesson in there somewhere, I guess.",
  'By the time I got home it was dark and I was soaked through and my hands smelt of {smell}.',
  "I'd like to say I learned something. I didn't.",
  'The next morning I went back to {place} and did the whole thing again, slower this time, and it sort of worked.',
  "I've done this for {years} years now and I still get it wrong about half the time.",
  '{Person} says I overthink it, which is probably fair.',
  'Some of my best days have started with something breaking.',
  "I wrote the date on the back of an envelope so I'd remember it, then lost the envelope.",
  "If you'd told me {years} years ago that I'd be up at six on a Saturday for {thing}, I would have laughed at you, but here we are.",
  "It's a small thing.",
  'I kind of love it.',
  "What I actually remember is the light, low and orange across {place}, and the noise of the traffic a long way off, and thinking I should write it down. So I'm writing it down.",
  "Nobody reads this blog for the technical detail, I know, but I'm going to give you some anyway.",
  'I counted them afterwards and there were {num}.',
  "That's a lot.",
  'Not bad for a Tuesday.',
  "I still have {tool} somewhere in {place}, and I can't bring myself to throw it out.",
  "My first attempt was a disaster, my second was worse, and the third one only worked because {person} wandered over and pointed out the obvious thing I'd missed.",
  'I laughed. Then I swore, quietly, so nobody at {place} would hear.',
  'I think about that more than I should.',
  "I don't know what I expected, to be honest.",
  'It rained, of course.',
  'My knees are not what they were.',
  'I made a list, lost the list, and made it again from memory, which is more or less how I do everything.',
  'I gave {thing} one more go before dinner and it finally behaved, for no reason I could see.',
  '{Person} brought {drink} and stood there watching me, saying nothing, which somehow made it worse.',
  'I was wrong about {thing} for years.',
  "I'm still a bit annoyed about it.",
  'Pretty much everything I know about this I learned by getting it wrong first.',
  "I've kept a notebook since I started, and the early pages are mostly crossings-out and the word why, underlined twice.",
  'Three weeks later, nothing. Then, all at once, it came right.',
  'I stood there for a long time.',
  'The forecast said dry, which tells you everything about how much I trust the forecast now.',
  'I went to bed annoyed and woke up with the answer, which almost never happens to me.',
  'Mum used to say that anything worth doing is worth doing badly at first, and I have taken that further than she ever meant.',
  "I'd spent about forty quid on bits for {thing} by this point, and I wasn't going to admit that to anyone.",
  'Somebody on a forum told me I was doing it all backwards. They were right, annoyingly.',
  "There's a photo of me from that day, grinning, with {tool} held up like a trophy, and I look about twelve.",
  "I don't really have a system.",
  'Half of what I do is habit and the other half is guesswork, and I genuinely could not tell you which half works.',
  'I ate my sandwiches sitting on an upturned bucket and watched the clouds come over.',
  'I swore I would never do it again. I did it again the following weekend.',
  'It was, and I mean this, the best afternoon I had all year, and nothing much happened in it at all.',
  '{Person} laughed at me, then helped.',
  'I keep a little tin of odds and ends for moments like this and, for once, the exact thing I needed was in it.',
  "My hands were numb and my nose was running and I didn't care one bit.",
  'That was the plan, anyway.',
  'I should say that I am not an expert and never will be.',
];

/** Topic-specific body sentences, mixed in with the common ones. */
export const HUMAN_TOPIC_SENTENCES: Record<Topic, string[]> = {
  gardening: [
    'The slugs got there first, as they always do.',
    'I dug until my back told me to stop, then dug a bit more because I am stubborn.',
    "There's nothing like the first tomato of the year, warm from the plant, eaten standing up in {place} with dirt on my hands.",
    'I lost half the seedlings to a late frost.',
    'My grandad grew leeks for shows, and I think I inherited his stubbornness and none of his skill.',
    'The compost was still steaming when I turned it, which I took as a good sign.',
    'I watered, I waited, and I watched the sky.',
    'Pat from the next plot leant on the fence and told me I was doing it wrong, which I was.',
    'I planted the garlic on the shortest day because my grandad always did, and I still have no idea whether it matters.',
    'A robin followed me up and down the row all morning, waiting for worms.',
    'The beans went mad in August and I was giving them away to anyone who stood still long enough.',
    'I forgot to water the greenhouse for one hot weekend and lost the lot.',
  ],
  cycling: [
    'The last mile is always uphill, somehow, whichever way I ride it.',
    'I fixed the puncture at the side of the road with cold fingers and too much swearing.',
    'My legs were gone by the top.',
    'There is a particular kind of quiet you only get on a bike on an empty lane early in the morning, and I chase it more than I chase speed.',
    "I've ridden the same loop maybe four hundred times and I still notice something new on it.",
    'The café had run out of cake.',
    'I got home covered in mud from the towpath and grinning like an idiot.',
    'The old tourer weighs about as much as a small car, and I love it anyway.',
    'I was overtaken on the climb by a woman on a shopping bike with a baguette in the basket, and I deserved it.',
    'The rain started ten miles from home, as it always does.',
    'I stopped at the bridge to eat a flapjack and watch the herons, and stayed there longer than I meant to.',
    'My chain made a noise I had never heard before and have never heard since.',
  ],
  tech: [
    "The server had been running for {num} months without a reboot, and I was oddly proud of that until it wouldn't come back up.",
    'I typed the wrong command.',
    "I've lost data exactly once, and once was enough.",
    'It worked first time, which made me deeply suspicious.',
    'I spent an evening reading forum threads from 2009 written by people who had the same problem and never posted the fix.',
    'The fan sounded like a hairdryer.',
    'I keep meaning to write proper notes about how it all fits together, and I keep not doing it.',
    'My daughter watched me reinstall everything for the third time and asked, kindly, whether I was having fun.',
    'I found the problem at one in the morning, and it was a typo I had made two years earlier.',
    'The old laptop still boots, slowly, with a noise like a kettle.',
    'I printed the instructions out, which tells you how little I trusted myself.',
    'Nothing I run at home is important, and I still worry about it more than I worry about things at work.',
  ],
};

export const HUMAN_CLOSINGS = [
  "That's it, really. Thanks for reading, and if you've got a better way of dealing with {thing}, I'd love to hear it in the comments.",
  "I'll report back in a few weeks. Probably.",
  "Anyway, that's where I've got to. More soon.",
  "Next time I'll do it differently. Maybe.",
  "I'm off to put the kettle on.",
  "If you've read this far, thank you. I mean it.",
];
