// Package taxonomy holds jobgap's certification catalog, skill taxonomy
// and job-title families, and tags posting text with them in one pass.
//
// Use Default for the embedded data (data/*.yaml, parsed once), Load to
// extend or override it with a user file, and Check to report every
// problem of a user file with its file:line. Match tags a text; Classify
// puts a job title in a family and reads its seniority.
//
//	tx, err := taxonomy.Default()
//	for _, m := range tx.Match(description) { ... m.ID, m.Level, m.Evidence ... }
//	family, seniority := tx.Classify("Sr. Product Manager II") // product-manager, senior
//
// # Data files
//
// A data file is YAML with any of the top-level keys certifications,
// skills (lists of Term), families (list of Family), contexts (list of
// ContextGroup) and disable (ids to remove). A user entry with an id
// that exists replaces the entry. Errors say "file:line: subject: what";
// they wrap ErrSyntax, ErrInvalid, ErrDuplicate, ErrCollision or ErrEmpty.
//
// # Matching
//
// Match expects clean text: one paragraph or list item per line, list
// items starting with "- ", headings on their own short lines. The text is
// normalised (blank runs to one space; ® ™ © dropped; Unicode dashes to
// '-', curly quotes straight) and scanned once by an Aho–Corasick
// automaton of every surface form of every term. A found form counts
// only if:
//   - no letter or digit touches it (where the form's edge is a letter or
//     digit): "MCSM" is not CSM, "PMPs" is not PMP (list a plural as a
//     form when wanted), "CSPO-certified" and "CSPO®" are CSPO; letters
//     of scripts written without spaces (Han, Kana, Hangul, Thai) do not
//     count as touching ("SQLを使った" holds SQL);
//   - its case matches for acronyms and exact forms (Name and aliases are
//     case-insensitive); a space in a form matches a space or a hyphen,
//     a hyphen in a case-sensitive form only a hyphen ("A-CSPO" is not
//     "A CSPO");
//   - with NoHyphen, no hyphen touches it ("Go-live"); the next and
//     previous words are not in NotBefore / NotAfter ("Excel at");
//   - a form that needs context has it: a word of its ContextGroup, or
//     another unambiguous term with one of the group's fields, in the same
//     sentence, in the heading above, or in the list (a run of "- " lines)
//     its line belongs to, a skills list ("Go, Python and Java" is Go;
//     "Requirements\n- Go\n- Python" is Go; "Let's go" is not), and no
//     Exclude phrase in the sentence
//     ("Customer Success Manager (CSM)" is not Certified ScrumMaster).
//     Ambiguous means untagged, never a guess.
//
// Case-sensitive forms have a loose, case-insensitive variant that needs
// more: a certification acronym written in lower case or capitalised
// ("pmp", "Cspo") counts with a certification cue (certified,
// certification, certificate, credential…) in its sentence, list or
// heading, or with another certification in its sentence ("Cspo or
// Pspo"); never bare ("the pmp file"). A tool name in lower case
// ("jira, confluence, notion") counts as an item of an enumeration (its
// edges are separators, "and"/"or" or the line's ends) whose sentence
// has another tool ("You excel at it" is not Excel).
// "… certification" and "… certificate" forms match their plurals.
//
// Overlapping forms: the leftmost wins, the longest of those, so "Advanced Certified Scrum
// Product Owner" is a-cspo only (no cspo, no scrum inside it). A skill
// that is the first word(s) of a longer skill stays ("AWS Glue" is AWS
// too; "C++" is not C). The names of certification issuers that hold a
// skill ("Scrum Alliance", "Scrum.org", "Kanban University") are not the
// skill.
//
// Shortened shared forms name each certification: "PRINCE2 Foundation &
// Practitioner" (a form less its last word, with the next item's words),
// "Google Ads and Google Analytics certifications" (the items before a
// form ending in certification(s), certificate(s) or certified).
//
// # Requirement level
//
// Each occurrence gets a level from the section it is in and the cue
// words of its clause (sentence split on ';'):
//   - section headings: "Requirements", "Qualifications", "What you'll
//     need", "Must have" → required; "Nice to have", "Bonus points",
//     "Preferred qualifications", "Pluses" → preferred; "Responsibilities",
//     "About the role" → mentioned; "Benefits", "Perks", "What we offer",
//     "About us" → mentioned, and cue words there are ignored. A heading's
//     own terms take the section above it; "Nice to have: Figma" (also as
//     a list item) is an inline heading and applies to its line only.
//     Headings and cues are also known in German, French, Spanish and
//     Japanese ("Dein Profil", "wünschenswert", "Profil recherché",
//     "un plus", "必須スキル", "歓迎"), and Dutch ("Wat we vragen"). Markdown
//     bold ("**Who you are**") is read through. A list item labelled
//     like a heading under Benefits ("- Paid certification: PL-300") is
//     a benefit; a line labelled "Note:" is an aside (mentioned).
//   - cues in the clause override the section: "required", "must",
//     "mandatory" → required; "preferred", "a plus", "nice to have",
//     "ideally", "bonus" → preferred. With both kinds in one clause the
//     nearest cue in the match's comma-separated part wins, else the
//     nearest before it ("PMP required, CSM preferred"). "nice" alone is
//     a preferred cue where it ends a part ("CFE nice.", "AZ-400
//     (nice)", "nice: R"). A parenthesis holding a term, or naming
//     something else (a capitalised word or a number outside its cue
//     words), keeps its cues and negations to itself: "CCNA (CCNP even
//     better)" prefers CCNP only, "NEBOSH (Diploma desirable)" stays
//     required, "OSCP (CEH does not count)" keeps OSCP; a parenthesis of
//     cue words alone ("PMP (preferred)", "CSPO (not required for this
//     role)") speaks for the term before it, and one about the employer
//     ("(we run Scrum and Kanban)") makes its terms mentioned. Cues that
//     precede what they qualify ("ideally", "preferably", "bonus if")
//     speak only for what follows them ("solid SQL, and ideally a
//     CBAP"). What the employer provides ("we'll put you through OSHA
//     30", "we pay for") is mentioned. Outside any known section, a
//     short item of a ';' list with no cue takes the cue of the item
//     before ("CSP required; OSHA 30 card").
//   - negation ("no … required", "not necessary", "no need for", "doesn't
//     count") within
//     the part of the clause between "but"-like words drops the occurrence,
//     unless the clause also has a preferred cue ("CSPO not required but
//     nice to have" is preferred).
//   - "no" right before a term at the start of a part ("no Java, no
//     Jira") and "ex-" ("ex-Figma", a former employer) drop it.
//   - outside any known section, a sentence with "experience", "knowledge
//     of", "proficiency", "you have"…, one that describes the candidate
//     in the present tense ("You hold PSM I", "You write Python"; not
//     "You'll build…"), or one asking for a current or valid certificate
//     or licence ("Current BLS certification") is required, else
//     mentioned. Lines labelled by a requirement or preference heading
//     ("Must: SQL, Python" / "Desirable: Rust, Go") form a list, so an
//     ambiguous term there takes context from its neighbours.
//
// A term is reported once, at its strongest occurrence (the first among
// equals), with that occurrence's offsets and sentence as Evidence.
//
// # Titles
//
// Classify normalises the title (lower case, punctuation as spaces, Sr →
// senior, Mgr → manager, VP/Vice President → vp) and picks the family
// whose title phrase starts earliest, the longest of those; Exclude
// phrases keep a title out of a family. Product-lead is product
// leadership (Group/Lead Product Manager, Product Lead, Head, Director,
// VP of Product, CPO); Principal, Staff and Associate Product Managers are
// product-manager with that seniority.
package taxonomy
