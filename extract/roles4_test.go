package extract

import "testing"

// The mechanisms of issue 13's third session (general grammatical machinery, made-up
// sentences with the test people of clause_test.go).

func TestNounPartiesAllAct(t *testing.T) {
	// "talks between A and B": both sides act, titles and country words inside each phrase
	res := issueExtract(t, "2025-12-26", "The talks between Norwegian minister Ann Holt and President Anna Alder lasted three hours.")
	wantEvent(t, res, "TALKS", 0, map[string][]string{"AGENT": {"person:t-holt", "person:t-alder"}})

	// "the meeting of A and B"
	res = issueExtract(t, "2025-12-26", "It was the first visit since the meeting of Smith and Jones in Geneva.")
	wantEvent(t, res, "MEETING", 0, map[string][]string{"AGENT": {"person:t-smith", "person:t-jones"}})

	// "the next meeting of the two leaders": the parties of the talks named before
	res = issueExtract(t, "2025-12-26", "Smith and Lee held talks in Oslo. No date was set for the next meeting of the two leaders.")
	wantEvent(t, res, "MEETING", 1, map[string][]string{"AGENT": {"person:t-smith", "person:t-lee"}})

	// and a later "the talks" keeps both
	res = issueExtract(t, "2025-12-26", "The talks between Smith and Jones lasted an hour. After the talks, Smith flew home.")
	wantEvent(t, res, "TALKS", 1, map[string][]string{"AGENT": {"person:t-smith", "person:t-jones"}})

	// a single party after "of" is not made a coordination: "a meeting of Smith's staff"
	res = issueExtract(t, "2025-12-26", "Smith met Jones on Monday.")
	wantEvent(t, res, "MEETING", 0, map[string][]string{"AGENT": {"person:t-smith"}, "PARTICIPANT": {"person:t-jones"}})
}

func TestLeadingPhraseRemention(t *testing.T) {
	// a definite re-mention in a leading phrase keeps the doers of the event named before,
	// not the main clause's subject
	res := issueExtract(t, "2025-12-26", "The talks between Smith and Jones lasted an hour. At a press conference after the talks, Smith said trade would grow.")
	wantEvent(t, res, "TALKS", 1, map[string][]string{"AGENT": {"person:t-smith", "person:t-jones"}})
	// an indefinite one is still the subject's
	res = issueExtract(t, "2025-12-26", "After a meeting with Jones, Smith said trade would grow.")
	wantEvent(t, res, "MEETING", 0, map[string][]string{"AGENT": {"person:t-smith"}})
}
