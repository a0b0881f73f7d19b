/**
 * Word banks for the demo blog's AI posts (invented text). Two kinds, as in the demo's story:
 * - AI-assisted: the author's notes expanded by a chat model: some first person left, smoother and more even
 *   sentences, unspaced em dashes, one or two signposting phrases.
 * - AI-generated: research-paper summaries and Q&As: "In this blog post, we'll unpack…", headings such as
 *   "Key findings" and "Why it matters", "Label: explanation" bullet lists, almost no first person.
 * Templates use the `{slot}` syntax of compose.ts; topic slots come from banks-human.ts plus the ones below.
 */
import type { Topic } from './banks-topics';

/** Research subjects per topic (`{S}` in titles, `{s}` in the text, lower-cased there). */
export const AI_SUBJECTS: Record<Topic, string[]> = {
  gardening: [
    'Soil Microbiomes and Yield',
    'Companion Planting',
    'No-Dig Gardening',
    'Biochar in Home Gardens',
    'Pollinator-Friendly Borders',
    'Mulching and Water Retention',
    'Urban Heat and Vegetable Plots',
    'Peat-Free Compost',
  ],
  cycling: [
    'E-Bike Commuting and Health',
    'Protected Bike Lanes',
    'Tyre Pressure and Rolling Resistance',
    'Cycling and Air Pollution Exposure',
    'Saddle Height and Knee Pain',
    'Cargo Bikes for Families',
    'Winter Cycling Habits',
  ],
  tech: [
    'Small Language Models on Laptops',
    'Passkeys and Passwords',
    'Home Server Energy Use',
    'Backup Strategies for Families',
    'Screen Time and Sleep',
    'Open-Source Maintainer Burnout',
    'Password Reuse',
  ],
};

/** Extra slots of AI posts, by topic: who the study followed, what it compared, what it controlled for, who reads. */
export const AI_SLOTS: Record<Topic, Record<string, string[]>> = {
  gardening: {
    period: ['two growing seasons', 'three summers'],
    subjects: ['allotment plots', 'community gardens', 'home vegetable beds', 'urban growers'],
    compared: [
      'dug and undug beds',
      'mulched and bare soil',
      'mixed and single-crop plantings',
      'peat and peat-free mixes',
    ],
    confounder: ['soil type', 'local rainfall', 'grower experience', 'plot size'],
    reader: ['first-time grower', 'seasoned allotment holder', 'weekend gardener'],
    area: ['soil health', 'harvest size', 'water use', 'garden biodiversity'],
  },
  cycling: {
    period: ['twelve months', 'a full winter'],
    subjects: ['daily commuters', 'recreational riders', 'new e-bike owners', 'city cyclists'],
    compared: [
      'e-bikes and conventional bikes',
      'painted and protected lanes',
      'wide and narrow tyres',
      'morning and evening routes',
    ],
    confounder: ['route length', 'baseline fitness', 'weather', 'traffic density'],
    reader: ['daily commuter', 'weekend rider', 'returning cyclist'],
    area: ['commuting', 'rider health', 'road safety', 'everyday riding'],
  },
  tech: {
    period: ['six months', 'a full year'],
    subjects: ['households', 'small offices', 'laptop users', 'open-source projects'],
    compared: [
      'local and cloud setups',
      'passkeys and passwords',
      'scheduled and manual backups',
      'small and large models',
    ],
    confounder: ['hardware age', 'prior experience', 'household size', 'network speed'],
    reader: ['home-lab enthusiast', 'busy parent', 'small-business owner'],
    area: ['digital security', 'energy use', 'everyday computing', 'personal productivity'],
  },
};

export const AI_GENERATED_TITLES = [
  'Key Findings: {S}',
  'What a New Study Says About {S}',
  '{S}: What the Research Shows',
  'Does {S} Really Make a Difference?',
  '{S}, Explained',
  '{S}: A Research Roundup',
  'What Should We Make of {S}?',
];

export const AI_GENERATED_INTROS = [
  "In this blog post, we'll unpack a recent study on {s} and what it means for everyday {area}.",
  '{S} plays a crucial role in how people think about {area}, yet the evidence is often scattered and hard to read.',
  "Whether you're a {reader} or simply curious, the findings offer a clear and comprehensive picture of the topic.",
  "Let's break down the methods, the key findings, and the practical takeaways in plain terms.",
  'In today’s fast-paced world, reliable evidence on {s} is more valuable than ever for anyone interested in {area}.',
  'The study is short, readable, and focused on questions that matter to a typical {reader}.',
];

export const AI_GENERATED_METHODS = [
  'The researchers followed {num} {subjects} over {period} and compared {compared} using the same measures.',
  'Each group was assessed at regular intervals, ensuring that the results are directly comparable across sites.',
  'Notably, the team also controlled for {confounder}, a factor that earlier studies often overlooked.',
  'Data were collected through standard measurements, short surveys, and a small number of follow-up interviews.',
  'The sample is modest, but the design is careful and the analysis is transparent and easy to follow.',
];

/** "Label: explanation" bullets for the Key findings list. */
export const AI_FINDINGS = [
  'Clear gains: The group using the new approach saw steady improvements in {area} across most of the sites.',
  'Consistency matters: Results were strongest where the method was applied regularly rather than in short bursts.',
  'Context is key: The benefits depended heavily on {confounder}, so results will vary from place to place.',
  'Small changes add up: Modest adjustments produced measurable effects within a single season.',
  'Cost and effort: The approach required little extra money, though it did take some time to set up.',
  'Trade-offs: A few participants reported extra work at the start, which eased as routines became familiar.',
  'Long-term effects: Early signs suggest the benefits grow over time, but longer studies are still needed.',
];

export const AI_WHY_IT_MATTERS = [
  'These results matter because {area} affects a large number of people, often in ways that are easy to miss.',
  'The study offers robust evidence that simple, low-cost changes can deliver meaningful benefits over time.',
  'It also highlights the importance of measuring outcomes carefully instead of relying on habit or anecdote.',
  'For anyone planning changes next season, the findings provide a useful and trustworthy starting point.',
  'Think of it as a map rather than a rulebook for every situation a {reader} might face.',
];

/** "Label: explanation" bullets for the Practical takeaways list. */
export const AI_TAKEAWAYS = [
  'Start small: Test one change on a limited area before rolling it out everywhere.',
  'Measure first: Record a simple baseline so that you can see whether the change actually helps.',
  'Be patient: Most of the benefits appeared after several weeks rather than immediately.',
  'Mind the trade-offs: Balance the extra effort against the gains you expect to see.',
  'Stay consistent: Regular, repeated effort delivered better results than occasional bursts of activity.',
  'Share results: Comparing notes with other people helps everyone learn faster and avoid common mistakes.',
];

export const AI_CLOSINGS = [
  'In short, the research suggests that {s} deserves a closer look from anyone interested in {area}.',
  'The evidence is not the final word, but it is a solid and encouraging foundation for future work.',
  'The bottom line is simple: small, consistent steps tend to deliver the most reliable results.',
  'As always, the best approach depends on your own situation, goals, and available time.',
];

/** Q&A variant: question headings (each followed by two or three answer sentences from the lists above). */
export const AI_QA_QUESTIONS = [
  'What is {s}, and why does it matter?',
  'What did the researchers actually do?',
  'What were the key findings?',
  'What are the practical takeaways?',
  'Is the evidence strong enough to act on?',
];

export const AI_ASSISTED_TITLES = [
  '{T}: What I Learned This Season',
  "A Beginner's Guide to {T}",
  '{T} Made Simple',
  'How to Get Started with {T}',
  '{T}: Lessons from My Notes',
  'Five Things to Know About {T}',
  'Getting More from {T}',
];

/** AI-assisted prose: even sentence lengths, first person now and then, unspaced em dashes, some signposting. */
export const AI_ASSISTED_SENTENCES = [
  "I've been experimenting with {thing} this season—and the results were more interesting than expected.",
  "Here's a quick overview of what was tried, what worked, and what could change next time.",
  "Let's dive into the details and look at each step in turn.",
  'The first step was simple—set a clear goal and keep a short record of every change along the way.',
  '{Thing} turned out to be a crucial part of the whole process—especially once the weather changed.',
  'It is a small change, but it makes a noticeable difference over the course of a few weeks.',
  'Consistency matters more than intensity, and that applies to almost every part of the process.',
  'Overall, the experience was positive, and the approach will keep evolving over the coming months.',
  'A little planning goes a long way—especially when time and energy are limited.',
  'The most effective changes were also the simplest ones to maintain over a full season.',
  'Keeping notes made it much easier to spot patterns and adjust the plan with confidence.',
  'Timing also played an important role—small delays often had a larger effect than expected.',
  'My notes from {place} show a clear improvement once the routine was in place.',
  'Each change was tested on its own, which made the results easier to compare and understand.',
  'The right equipment helps, but a good routine matters far more than any single purchase.',
  'Feedback from {person} helped refine the approach and avoid a few common mistakes.',
  'With a bit of patience, the whole process becomes easier, faster, and more enjoyable.',
  'The key takeaway is that steady, well-planned effort beats dramatic one-off changes every time.',
  'Good preparation saves time later—and it also makes the whole experience far less stressful.',
  'A simple checklist helped keep everything on track from one week to the next.',
  'Small adjustments, repeated often, proved far more effective than any single big change.',
  'The results were encouraging—and they point to a few clear next steps for the coming season.',
  'It is worth reviewing the plan every few weeks and adjusting it as conditions change.',
  'The biggest surprise was how quickly the benefits appeared once the basics were in place.',
  'Looking back, the whole process was less complicated than it first seemed at the start.',
  'I also found that sharing progress with {person} kept the motivation high throughout the season.',
  'In short, a clear plan and a steady routine made the biggest difference across the whole season.',
  'At a glance, the changes look minor—but together they add up to a noticeably better result.',
  'Regular check-ins made it easy to catch small problems before they turned into bigger ones.',
  'Each week brought a slightly better understanding of what the setup really needs.',
  'The simplest tools often proved the most reliable, especially during the busiest weeks.',
  'Balancing effort and results is an important part of keeping any long-term project enjoyable.',
];

/** Bullets of AI-assisted posts: "Label—explanation" tips. */
export const AI_ASSISTED_TIPS = [
  'Plan ahead—decide what you want to achieve before you start making changes.',
  'Keep notes—a simple record makes it easier to see what actually works.',
  'Start small—one change at a time keeps the results clear and manageable.',
  'Be consistent—regular effort delivers better results than occasional bursts.',
  'Ask for advice—experienced people can save you weeks of trial and error.',
];

export const AI_ASSISTED_HEADINGS = ['What I tried', 'What worked', 'A few tips', 'Final thoughts', 'Next steps'];
