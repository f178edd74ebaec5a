package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factgraph/factgraph"
)

func extractText(t testing.TB, published, text string) *Result {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := New(g).Extract(factgraph.Article{ID: "article:t", Title: "t", PublishedAt: published, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func entityIDs(r *Result) map[string]bool {
	out := map[string]bool{}
	for _, e := range r.Entities {
		out[e.ID] = true
	}
	return out
}

func TestNameVariantsResolveToOneEntity(t *testing.T) {
	for _, text := range []string{
		"Kim Jong-un spoke. Mr Kim left.",
		"KIM JONG UN spoke.",
		"Kim Jong Un spoke; Kim left.",
	} {
		ids := entityIDs(extractText(t, "2025-12-26", text))
		if !ids["person:kim-jong-un"] || len(ids) != 1 {
			t.Errorf("%q: entities %v, want only person:kim-jong-un", text, ids)
		}
	}
	for _, v := range []string{"Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelensky"} {
		ids := entityIDs(extractText(t, "", v+" spoke."))
		if !ids["person:volodymyr-zelensky"] || len(ids) != 1 {
			t.Errorf("%q: entities %v", v, ids)
		}
	}
	// a short form needs an earlier full mention: "Kim" alone is nobody in particular
	if ids := entityIDs(extractText(t, "", "Kim spoke.")); len(ids) != 0 {
		t.Errorf("bare Kim resolved to %v", ids)
	}
	// "the leader" is the person named last
	res := extractText(t, "", "Kim Jong Un visited a plant. The leader praised workers.")
	found := false
	for _, m := range res.Mentions {
		if m.Rule == "anaphor.title" && m.Entity == "person:kim-jong-un" {
			found = true
		}
	}
	if !found {
		t.Errorf("the leader not resolved: %+v", res.Mentions)
	}
}

func TestCaseMatters(t *testing.T) {
	// all-capital aliases match only in capitals; "turkey" the bird is not Turkey
	ids := entityIDs(extractText(t, "", "Let us roast a turkey with us."))
	if len(ids) != 0 {
		t.Errorf("lower-case words matched entities: %v", ids)
	}
	ids = entityIDs(extractText(t, "", "The US and Turkey, Türkiye to some, talked."))
	if !ids["country:USA"] || !ids["country:TUR"] || len(ids) != 2 {
		t.Errorf("entities %v", ids)
	}
	// demonyms and capitals name the country
	ids = entityIDs(extractText(t, "", "North Korean troops arrived. Pyongyang denied it. Moscow agreed."))
	if !ids["country:PRK"] || !ids["country:RUS"] || len(ids) != 2 {
		t.Errorf("entities %v", ids)
	}
}

func TestUnknownNamesBecomeUnresolvedEntities(t *testing.T) {
	res := extractText(t, "", "Defence Ministry spokesman Jan Kowalczyk said the tanker Eventin was seized. Kowalczyk added more.")
	byID := map[string]factgraph.Entity{}
	for _, e := range res.Entities {
		byID[e.ID] = e
	}
	p, ok := byID["person:jan-kowalczyk"]
	if !ok || p.Kind != factgraph.KindPerson || !strings.HasPrefix(p.Description, "Unresolved") {
		t.Fatalf("person: %+v (all %v)", p, byID)
	}
	if _, ok := byID["org:defence-ministry"]; !ok {
		t.Errorf("organization not found: %v", byID)
	}
	if v, ok := byID["vessel:eventin"]; !ok || v.Kind != factgraph.KindVessel {
		t.Errorf("vessel not found: %v", byID)
	}
	n := 0
	for _, m := range res.Mentions {
		if m.Entity == "person:jan-kowalczyk" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("Kowalczyk mentioned %d times, want 2 (full name, then surname)", n)
	}
}

func TestQuantities(t *testing.T) {
	cases := map[string]factgraph.Quantity{
		"It sent around 15,000 troops.":           {Value: 15000, Unit: "troops", Approx: true},
		"He saw an 8,700-ton submarine.":          {Value: 8700, Unit: "ton"},
		"Radar saw several dozen objects.":        {Value: 24, Unit: "objects", Approx: true},
		"They discussed a 20-point plan.":         {Value: 20, Unit: "points"},
		"They held a one-hour call.":              {Value: 1, Unit: "hour"},
		"The deal is worth roughly $1.2 billion.": {Value: 1.2e9, Unit: "USD", Approx: true},
		"Output rose 30%.":                        {Value: 30, Unit: "percent"},
		"Dozens of ageing tankers passed.":        {Value: 24, Unit: "tankers", Approx: true},
	}
	for text, want := range cases {
		res := extractText(t, "2025-12-26", text)
		if len(res.Quantities) != 1 || res.Quantities[0].Quantity != want {
			t.Errorf("%q: got %+v, want %+v", text, res.Quantities, want)
		}
	}
	for _, text := range []string{"Two F-16 jets flew.", "It happened in 2024.", "On December 26, 2025 nothing."} {
		for _, q := range extractText(t, "2025-12-26", text).Quantities {
			if q.Quantity.Value == 16 || q.Quantity.Value == 2024 || q.Quantity.Value == 26 {
				t.Errorf("%q: %+v is not an amount", text, q)
			}
		}
	}
}

func TestDates(t *testing.T) {
	// published on Friday 2025-12-26
	cases := map[string]factgraph.TimeSpec{
		"It happened on December 26, 2025.":       {Value: "2025-12-26", Precision: "day"},
		"It happened on 3 March 2024.":            {Value: "2024-03-03", Precision: "day"},
		"Talks were held in December 2025.":       {Value: "2025-12", Precision: "month"},
		"Plans for the fourth quarter were made.": {Value: "2025-Q4", Precision: "quarter"},
		"The congress meets early next year.":     {Value: "2026", Precision: "year"},
		"It was tested on Friday.":                {Value: "2025-12-26", Precision: "day"},
		"It was tested on Monday.":                {Value: "2025-12-22", Precision: "day"},
		"It was tested yesterday.":                {Value: "2025-12-25", Precision: "day"},
		"Talks took place earlier this month.":    {Value: "2025-12", Precision: "month"},
		"Strikes began in April.":                 {Value: "2025-04", Precision: "month"},
	}
	for text, want := range cases {
		res := extractText(t, "2025-12-26", text)
		if len(res.Dates) != 1 || res.Dates[0].Time != want {
			t.Errorf("%q: got %+v, want %+v", text, res.Dates, want)
		}
	}
	// "a day earlier" counts back from the last day named
	res := extractText(t, "2025-12-30", "On December 26, 2025, Kim spoke. A day earlier he inspected a plant.")
	if len(res.Dates) != 2 || res.Dates[1].Time.Value != "2025-12-25" {
		t.Errorf("a day earlier: %+v", res.Dates)
	}
	// without a publication date relative dates are left out, with a warning
	res = extractText(t, "", "It was tested yesterday.")
	if len(res.Dates) != 0 || len(res.Warnings) == 0 {
		t.Errorf("undated article: dates %+v warnings %v", res.Dates, res.Warnings)
	}
}

func TestEventsRolesAndModality(t *testing.T) {
	res := extractText(t, "2025-12-26", "North Korean leader Kim Jong Un inspected an 8,700-ton nuclear-powered strategic missile submarine on December 25, 2025, according to KCNA.")
	if len(res.Events) != 1 {
		t.Fatalf("events %+v", res.Events)
	}
	ev := res.Events[0]
	if ev.Type != "INSPECTION" || !hasRole(ev.Roles, "AGENT", "person:kim-jong-un") || !hasRole(ev.Roles, "TARGET", "vessel:nk-nuclear-submarine") {
		t.Errorf("event %+v", ev)
	}
	if ev.Time == nil || ev.Time.Value != "2025-12-25" || ev.Evidence[0].Attribution != "KCNA" || ev.Evidence[0].Rule != "event.inspection.inspected" {
		t.Errorf("time %v evidence %+v", ev.Time, ev.Evidence)
	}
	if q := ev.Evidence[0]; res.Article.Text[*q.Start:*q.End] != q.Quote {
		t.Errorf("quote offsets %d-%d do not point at the quote", *q.Start, *q.End)
	}
	// passive voice: the agent follows "by"
	res = extractText(t, "", "The munitions factories were inspected by Kim Jong Un.")
	if len(res.Events) != 1 || !hasRole(res.Events[0].Roles, "AGENT", "person:kim-jong-un") || !hasRole(res.Events[0].Roles, "TARGET", "facility:nk-munitions-factories") {
		t.Errorf("passive: %+v", res.Events)
	}
	// hedges lower confidence; denials are negative
	res = extractText(t, "", "North Korea has reportedly sent around 15,000 troops to Russia.")
	if len(res.Events) != 1 || res.Events[0].Modality != "alleged" || *res.Events[0].Confidence >= 0.8 {
		t.Errorf("hedged: %+v", res.Events)
	}
	if len(res.Relations) != 1 || res.Relations[0].Type != "DEPLOYED_TROOPS_TO" || res.Relations[0].To != "country:RUS" {
		t.Errorf("relations: %+v", res.Relations)
	}
	// the denial is an event (DENIAL, by Pyongyang); the supply it denies has modality denied
	res = extractText(t, "", "Pyongyang has denied supplying weapons to Moscow.")
	if len(res.Events) != 2 || res.Events[0].Type != "DENIAL" || !hasRole(res.Events[0].Roles, "AGENT", "country:PRK") ||
		res.Events[0].Modality != "reported" || res.Events[1].Type != "SUPPLY" || res.Events[1].Modality != "denied" {
		t.Errorf("denied: %+v", res.Events)
	}
}

func TestFactsLoad(t *testing.T) {
	// what extract writes passes the loader's validation: every record validates
	for _, c := range loadEvalSet(t) {
		g, _ := Default()
		res, err := New(g).Extract(c.file.Article)
		if err != nil {
			t.Fatal(err)
		}
		fs := res.Facts()
		for i := range fs.Entities {
			if err := fs.Entities[i].Validate(); err != nil {
				t.Errorf("%s: entity %s: %v", c.name, fs.Entities[i].ID, err)
			}
		}
		for i := range fs.Relations {
			if err := fs.Relations[i].Validate(); err != nil {
				t.Errorf("%s: relation %s: %v", c.name, fs.Relations[i].ID(), err)
			}
		}
		for i := range fs.Events {
			if err := fs.Events[i].Validate(); err != nil {
				t.Errorf("%s: event %s: %v", c.name, fs.Events[i].ID, err)
			}
		}
	}
}

func TestGazetteerErrorsNameFileAndLine(t *testing.T) {
	g := newGazetteer()
	err := g.Read(strings.NewReader("# comment\n{\"id\":\"person:x\",\"kind\":\"Person\",\"name\":\"X\"}\n{\"id\":\"bad id\",\"kind\":\"Person\",\"name\":\"Y\"}\n"), "people.jsonl")
	if err == nil || !strings.Contains(err.Error(), "people.jsonl:3") || factgraph.ErrorCode(err) != factgraph.EINVALID {
		t.Errorf("got %v", err)
	}
	err = g.Read(strings.NewReader("{\"id\":\"person:x\",\"kind\":\"Person\",\"name\":\"X\",\"nickname\":\"y\"}\n"), "p.jsonl")
	if err == nil || !strings.Contains(err.Error(), "p.jsonl:1") || !strings.Contains(err.Error(), "nickname") {
		t.Errorf("unknown field: %v", err)
	}
	err = g.Read(strings.NewReader("{\"id\":\"org:x\",\"kind\":\"Organization\",\"name\":\"X\",\"demonyms\":[\"Xish\"]}\n"), "o.jsonl")
	if err == nil || !strings.Contains(err.Error(), "o.jsonl:1") {
		t.Errorf("demonyms on an organization: %v", err)
	}
	// a user file extends and overrides the shipped gazetteer
	dir := t.TempDir()
	p := dir + "/mine.jsonl"
	os.WriteFile(p, []byte("{\"id\":\"org:eastern-wire\",\"kind\":\"Organization\",\"name\":\"Eastern Wire\"}\n"), 0o644)
	g2, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := New(g2).Extract(factgraph.Article{ID: "a", Title: "t", Text: "Eastern Wire reported it."})
	if ids := entityIDs(res); !ids["org:eastern-wire"] {
		t.Errorf("user entry not found: %v", ids)
	}
	if _, err := Load(dir + "/missing.jsonl"); err == nil || factgraph.ErrorCode(err) != factgraph.EINVALID {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadArticle(t *testing.T) {
	af, err := ReadArticle(strings.NewReader("id: article:x\ntitle: A title\npublishedAt: 2025-12-26\nstyle: wire\n---\nBody text.\n"), "x.txt")
	if err != nil || af.Article.ID != "article:x" || af.Article.Title != "A title" || af.Article.PublishedAt != "2025-12-26" || af.Meta["style"] != "wire" || af.Article.Text != "Body text.\n" {
		t.Errorf("header: %+v %v", af, err)
	}
	af, err = ReadArticle(strings.NewReader("\nThe Title\nBody: with a colon.\n"), "dir/My File.txt")
	if err != nil || af.Article.ID != "article:my-file" || af.Article.Title != "The Title" || af.Article.Text != "Body: with a colon.\n" {
		t.Errorf("no header: %+v %v", af, err)
	}
	if _, err := ReadArticle(strings.NewReader("ti\xfftle\n"), "bad.txt"); err == nil || !strings.Contains(err.Error(), "bad.txt") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	g, _ := Default()
	if _, err := New(g).Extract(factgraph.Article{ID: "a", Title: "t", PublishedAt: "26/12/2025", Text: "x"}); factgraph.ErrorCode(err) != factgraph.EINVALID || !strings.Contains(err.Error(), "publishedAt") {
		t.Errorf("bad date: %v", err)
	}
	if _, err := New(g).Extract(factgraph.Article{ID: "a", Title: "t", Text: strings.Repeat("x", MaxTextBytes+1)}); factgraph.ErrorCode(err) != factgraph.ELIMIT {
		t.Errorf("too long: %v", err)
	}
}

// longArticle is about n words of the first evaluation set's articles, repeated (the same
// text as before the second set was added, so speed figures stay comparable).
func longArticle(t testing.TB, n int) string {
	var b strings.Builder
	words := 0
	cases := loadEvalDir(t, "articles")
	for words < n {
		for _, c := range cases {
			b.WriteString(c.file.Article.Text)
			b.WriteString("\n\n")
			words += len(strings.Fields(c.file.Article.Text))
		}
	}
	return b.String()
}

// BenchmarkExtract10kWords: go test -run XXX -bench Extract10k ./extract
func BenchmarkExtract10kWords(b *testing.B) {
	text := longArticle(b, 10000)
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	x := New(g)
	a := factgraph.Article{ID: "article:long", Title: "long", PublishedAt: "2025-12-26", Text: text}
	words := len(strings.Fields(text))
	// the part-of-speech model is decoded once per process (the first Extract); it is
	// loaded here, outside the timed loop, and its cost is printed
	t0 := time.Now()
	if _, err := posTagger(); err != nil {
		b.Fatal(err)
	}
	b.Logf("part-of-speech model loaded in %v (once per process)", time.Since(t0).Round(time.Millisecond))
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		if _, err := x.Extract(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words), "words/article")
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	// CPU time of the process (all threads, the garbage collector's included): on a shared
	// machine the wall-clock figure depends on the other load, this one much less
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu, "words/cpu-s")
	}
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// FuzzExtract: no input crashes the extractor, offsets stay in the text, and what it
// writes validates. go test -run XXX -fuzz FuzzExtract -fuzztime 60s ./extract
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "Kim Jong-un inspected a plant on Friday.", "U.S. envoys met. N. Korea's Kim (KCNA) -- said.",
		"PESKOV: We deny it.\nQ: Did you?", "around 15,000 troops, an 8,700-ton sub, $1.2 billion, 30%",
		"the the the the", "Mr. Mr. Mr.", "'s 's -- — :", "December 32, 2025 and February 29, 2025",
		"Pyongyang, December 25 (KCNA) -- The respected Comrade Kim Jong Un inspected it.",
	} {
		f.Add(s, "2025-12-26")
	}
	g, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	x := New(g)
	// the part-of-speech model is decoded once per process, here, not inside the first
	// input's time limit (each fuzzing worker runs this setup)
	if _, err := posTagger(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, published string) {
		if !utf8.ValidString(text) {
			return
		}
		a := factgraph.Article{ID: "article:fuzz", Title: "fuzz", Text: text}
		if _, err := fmt.Sscanf(published, "%4d-%2d-%2d", new(int), new(int), new(int)); err == nil && len(published) == 10 {
			a.PublishedAt = published
		}
		start := time.Now()
		res, err := x.Extract(a)
		// pathological slowness: far beyond the ~1 µs per byte of ordinary text
		if took, limit := time.Since(start), 2*time.Second+time.Duration(len(text))*20*time.Microsecond; took > limit {
			t.Fatalf("%d bytes took %v (limit %v)", len(text), took, limit)
		}
		if err != nil {
			if factgraph.ErrorCode(err) == factgraph.EINTERNAL {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		for _, m := range res.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v out of the text", m)
			}
		}
		ids := map[string]bool{}
		for _, e := range res.Entities {
			ids[e.ID] = true
		}
		for _, q := range res.Quantities {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("quantity %+v out of the text", q)
			}
		}
		for _, d := range res.Dates {
			if d.Start < 0 || d.End > len(text) || d.Start > d.End || text[d.Start:d.End] != d.Text {
				t.Fatalf("date %+v out of the text", d)
			}
		}
		for _, r := range res.Relations {
			if !ids[r.From] || !ids[r.To] {
				t.Fatalf("relation %s names an entity the result does not declare", r.ID())
			}
		}
		for _, ev := range res.Events {
			if err := ev.Validate(); err != nil {
				t.Fatalf("event %+v: %v", ev, err)
			}
			for _, r := range ev.Roles {
				if !ids[r.Entity] {
					t.Fatalf("event %s names %s, which the result does not declare", ev.ID, r.Entity)
				}
			}
			q := ev.Evidence[0]
			if text[*q.Start:*q.End] != q.Quote {
				t.Fatalf("quote offsets wrong: %+v", q)
			}
		}
		for _, r := range res.Relations {
			if err := r.Validate(); err != nil {
				t.Fatalf("relation %+v: %v", r, err)
			}
		}
		for _, e := range res.Entities {
			if err := e.Validate(); err != nil {
				t.Fatalf("entity %+v: %v", e, err)
			}
		}
		for _, d := range res.Dates {
			if err := d.Time.Validate(); err != nil {
				t.Fatalf("date %+v: %v", d, err)
			}
		}
	})
}

// BenchmarkExtractAdversarial: run-on text that stresses each stage (1 MB, the size
// limit, each). go test -run XXX -bench Adversarial -benchtime 1x ./extract
func BenchmarkExtractAdversarial(b *testing.B) {
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	x := New(g)
	inputs := []struct{ name, unit string }{
		{"one-word", "a"}, {"numbers", "1,000 "}, {"capitals", "President Kim Jong Un Ministry "},
		{"dots", "A. "}, {"triggers", "inspected Russia "}, {"the", "the "}, {"months", "December 26 "},
		{"possessives", "Russia's "}, {"hyphens", "a-"}, {"transcript", "PESKOV: We deny it.\n"},
		{"according-to", "according to "},
	}
	for _, in := range inputs {
		text := strings.Repeat(in.unit, MaxTextBytes/len(in.unit))
		a := factgraph.Article{ID: "article:adv", Title: "adv", PublishedAt: "2025-12-26", Text: text}
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := x.Extract(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The bundled sample and the gazetteer describe the same entities the same way, so that
// loading the sample and ingesting articles do not undo each other's updates.
func TestSampleAgreesWithGazetteer(t *testing.T) {
	b, err := os.ReadFile("../data/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	var fs factgraph.FactSet
	if err := json.Unmarshal(b, &fs); err != nil {
		t.Fatal(err)
	}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range fs.Entities {
		entry := g.Entry(e.ID)
		if entry == nil {
			continue
		}
		if want := entry.Entity(); !reflect.DeepEqual(e, want) {
			t.Errorf("data/sample.json entity %s differs from the gazetteer's:\n sample    %+v\n gazetteer %+v", e.ID, e, want)
		}
	}
}

// Regression cases from review: each once produced a wrong fact.
func TestReviewRegressions(t *testing.T) {
	// the source of a sentence is not a role: no "DEPLOYED_TROOPS_TO South Korea"
	res := extractText(t, "2025-12-26", "North Korea has sent troops to Russia, according to Seoul.")
	for _, r := range res.Relations {
		if r.To == "country:KOR" {
			t.Errorf("attribution became a role: %+v", r)
		}
	}
	if len(res.Attributions) != 1 || res.Attributions[0].Source != "country:KOR" {
		t.Errorf("attribution: %+v", res.Attributions)
	}
	// one "NAME:" line is a dateline, not a transcript; attribution keeps working after it
	res = extractText(t, "2025-12-26", "MOSCOW: Russia and Ukraine held talks.\n\nKim Jong Un inspected a plant, KCNA said.")
	if len(res.Attributions) == 0 || res.Attributions[len(res.Attributions)-1].Source != "org:kcna" {
		t.Errorf("dateline taken for a transcript speaker: %+v", res.Attributions)
	}
	// a transcript's "we" is the speaker's country, and that country is among the entities
	res = extractText(t, "2025-12-26", "Q: Will talks go on?\n\nPESKOV: We will continue our talks with Washington next week.\n\nQ: Thank you.")
	if ids := entityIDs(res); !ids["country:RUS"] {
		t.Errorf("role entity missing from the entities: %v (events %+v)", ids, res.Events)
	}
	for _, ev := range res.Events {
		for _, r := range ev.Roles {
			if !entityIDs(res)[r.Entity] {
				t.Errorf("event %s names %s, not among the entities", ev.ID, r.Entity)
			}
		}
	}
	// amounts: $1.2bn, a dash or a curly quote after the noun, "a total of 2000 shells"
	for text, want := range map[string]factgraph.Quantity{
		"The cargo was worth $1.2bn.":         {Value: 1.2e9, Unit: "USD"},
		"It sent some 11,000 troops—most...":  {Value: 11000, Unit: "troops", Approx: true},
		"“About 15,000 troops”, he said.":     {Value: 15000, Unit: "troops", Approx: true},
		"A total of 2000 shells were shipped": {Value: 2000, Unit: "shells"},
	} {
		res := extractText(t, "2025-12-26", text)
		if len(res.Quantities) != 1 || res.Quantities[0].Quantity != want {
			t.Errorf("%q: %+v, want %+v", text, res.Quantities, want)
		}
		if len(res.Dates) != 0 {
			t.Errorf("%q: dates %+v", text, res.Dates)
		}
	}
	// a day without a year: the nearest sensible year, whichever way it is written
	for _, c := range []struct{ pub, text, want string }{
		{"2026-01-03", "It happened on 30 December.", "2025-12-30"},
		{"2026-01-03", "It happened on December 30.", "2025-12-30"},
		{"2025-12-28", "Talks resume on January 10.", "2026-01-10"},
	} {
		res := extractText(t, c.pub, c.text)
		if len(res.Dates) != 1 || res.Dates[0].Time.Value != c.want {
			t.Errorf("%s %q: %+v, want %s", c.pub, c.text, res.Dates, c.want)
		}
	}
	// "no." ends a sentence unless a number follows
	if n := len(extractText(t, "", "He said no. Kim Jong Un inspected the plant.").Sentences); n != 2 {
		t.Errorf("%d sentences, want 2", n)
	}
	if n := len(extractText(t, "", "It was plant No. 3 that Kim Jong Un inspected.").Sentences); n != 1 {
		t.Errorf("No. 3: %d sentences, want 1", n)
	}
	// a title of several words before a new name
	ids := entityIDs(extractText(t, "", "Deputy Foreign Minister Ivan Petrovsky spoke."))
	if !ids["person:ivan-petrovsky"] || len(ids) != 1 {
		t.Errorf("entities %v, want person:ivan-petrovsky", ids)
	}
	// hard-wrapped lines are one sentence; a headline is its own
	res = extractText(t, "2025-12-26", "Kim Jong Un Tours Plants\nNorth Korea has sent thousands of troops to\nRussia, officials said on\nFriday.")
	if len(res.Sentences) != 2 || len(res.Dates) != 1 || len(res.Relations) != 1 || res.Relations[0].To != "country:RUS" {
		t.Errorf("wrapped lines: %d sentences, dates %+v, relations %+v", len(res.Sentences), res.Dates, res.Relations)
	}
	// "according to" is not a plan
	res = extractText(t, "", "According to KCNA, Kim Jong Un inspected the munitions factories.")
	if len(res.Events) != 1 || res.Events[0].Modality != factgraph.ModalityReported {
		t.Errorf("according to: %+v", res.Events)
	}
	res = extractText(t, "", "Kim Jong Un plans to inspect the munitions factories.")
	if len(res.Events) != 1 || res.Events[0].Modality != factgraph.ModalityPlanned {
		t.Errorf("plans to: %+v", res.Events)
	}
	// the same relation in two sentences: one relation, two quotes
	res = extractText(t, "", "North Korea sent troops to Russia. Later North Korea sent more troops to Russia.")
	if len(res.Relations) != 1 || len(res.Relations[0].Evidence) != 2 {
		t.Errorf("relations %+v", res.Relations)
	}
}

func TestNegationAndReportedSubjects(t *testing.T) {
	// the negation belongs to another verb: the inspection is not denied
	res := extractText(t, "", "Kim Jong Un inspected the munitions factories. The report did not specify the dates of his inspection.")
	for _, ev := range res.Events {
		if ev.Modality == factgraph.ModalityDenied {
			t.Errorf("%s denied: %q", ev.Type, ev.Evidence[0].Quote)
		}
	}
	res = extractText(t, "", "Russian planes did not enter Polish airspace.")
	if len(res.Events) != 1 || res.Events[0].Modality != factgraph.ModalityDenied {
		t.Errorf("did not enter: %+v", res.Events)
	}
	// what follows "reported" has its own subject: Poland did not cross from Belarus
	res = extractText(t, "", "Poland intercepted a Russian reconnaissance plane and reported dozens of objects crossing from Belarus.")
	for _, ev := range res.Events {
		if ev.Type == "INCURSION" && hasRole(ev.Roles, "AGENT", "country:POL") {
			t.Errorf("Poland made the agent of the crossing it reported: %+v", ev)
		}
	}
}

// The bundled sample article: the facts the sample data set was built from by hand.
func TestBundledSampleArticle(t *testing.T) {
	f, err := os.Open("../data/articles/nk-munitions-2025-12-26.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	af, err := ReadArticle(f, "nk-munitions-2025-12-26.txt")
	if err != nil {
		t.Fatal(err)
	}
	g, _ := Default()
	res, err := New(g).Extract(af.Article)
	if err != nil {
		t.Fatal(err)
	}
	find := func(typ string, roles ...string) *factgraph.Event {
		for i, ev := range res.Events {
			ok := ev.Type == typ
			for k := 0; k+1 < len(roles); k += 2 {
				ok = ok && hasRole(ev.Roles, roles[k], roles[k+1])
			}
			if ok {
				return &res.Events[i]
			}
		}
		return nil
	}
	if ev := find("INSPECTION", "AGENT", "person:kim-jong-un", "TARGET", "vessel:nk-nuclear-submarine"); ev == nil || ev.Time == nil || ev.Time.Value != "2025-12-25" ||
		len(ev.Quantities) != 1 || ev.Quantities[0].Value != 8700 || ev.Evidence[0].Attribution != "state media" {
		t.Errorf("the submarine inspection: %+v", ev)
	}
	if ev := find("INSPECTION", "AGENT", "person:kim-jong-un", "TARGET", "facility:nk-munitions-factories"); ev == nil || ev.Time == nil || ev.Time.Value != "2025-Q4" {
		t.Errorf("the factory tour: %+v", ev)
	}
	if ev := find("MEETING", "AGENT", "org:workers-party-of-korea"); ev == nil || ev.Time == nil || ev.Time.Value != "2026" || ev.Modality != factgraph.ModalityPlanned {
		t.Errorf("the party congress: %+v", ev)
	}
	if ev := find("DEPLOYMENT", "AGENT", "country:PRK", "BENEFICIARY", "country:RUS"); ev == nil || len(ev.Quantities) != 1 || ev.Quantities[0] != (factgraph.Quantity{Value: 15000, Unit: "troops", Approx: true}) {
		t.Errorf("the troops: %+v", ev)
	}
	want := map[string]bool{"person:kim-jong-un|LEADS|country:PRK": false, "country:PRK|DEPLOYED_TROOPS_TO|country:RUS": false}
	for _, r := range res.Relations {
		if _, ok := want[r.ID()]; ok {
			want[r.ID()] = true
		}
	}
	for id, found := range want {
		if !found {
			t.Errorf("relation %s not extracted (got %d relations)", id, len(res.Relations))
		}
	}
}
