// The ROME's words people use: job titles (appellations) and skills (savoirs), held in memory once
// per process (reference data changes only with an import) and ranked by the word matcher.
import { db } from "#app/platform/db.server";
import { loadedOncePerProcess } from "#app/platform/process.server";
import { wordMatcher, type WordMatcher } from "#app/domain/word-match";

export interface JobTitle {
  code: string;
  label: string;
  romeCode: string;
  romeLabel: string;
}

interface Vocabulary {
  jobTitles: WordMatcher<JobTitle>;
  jobTitleByLabel: Map<string, JobTitle>;
  skills: WordMatcher<{ label: string }>;
}

const vocabulary = loadedOncePerProcess("romeVocabulary", loadVocabulary);

async function loadVocabulary(): Promise<Vocabulary> {
  const [appellations, skills] = await Promise.all([
    // Titles France Travail marks as rarely used stay out of the suggestions (not out of search).
    db().romeAppellation.findMany({
      where: { rarelyUsed: false },
      select: { code: true, label: true, romeCode: true, rome: { select: { label: true } } },
    }),
    db().romeSkill.findMany({ select: { label: true } }),
  ]);
  const jobTitles = appellations.map((a) => ({ code: a.code, label: a.label, romeCode: a.romeCode, romeLabel: a.rome.label }));
  return {
    jobTitles: wordMatcher(jobTitles),
    jobTitleByLabel: new Map(jobTitles.map((title) => [title.label.toLowerCase(), title])),
    skills: wordMatcher(skills),
  };
}

/** ROME job titles for what a recruiter or a student types, best first. */
export async function suggestJobTitles(query: string, take = 12): Promise<JobTitle[]> {
  return (await vocabulary()).jobTitles.find(query, take);
}

/** The ROME job title a field holds when it is exactly one of them (as the suggestions write it). */
export async function jobTitleNamed(label: string): Promise<JobTitle | null> {
  return (await vocabulary()).jobTitleByLabel.get(label.trim().toLowerCase()) ?? null;
}

/** Skills and tools of the ROME for what a student types, best first. */
export async function suggestSkills(query: string, take = 12): Promise<string[]> {
  return (await vocabulary()).skills.find(query, take).map((skill) => skill.label);
}
