package factgraph

import (
	"net/url"
	"strings"
	"time"
)

// Article is a published text that states facts; every relation and event links back to
// the articles that state it.
type Article struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	URL         string `json:"url,omitempty"`
	Publisher   string `json:"publisher,omitempty"`   // the outlet that published it
	PublishedAt string `json:"publishedAt,omitempty"` // YYYY-MM-DD
	Language    string `json:"language,omitempty"`
	Text        string `json:"text,omitempty"`
	// Quantities are amounts the article states that no event or relation takes (fleet
	// sizes, crews, lengths, shares), each with the entity it describes when known.
	Quantities []Quantity `json:"quantities,omitempty"`
}

// Validate checks the article. Errors: EINVALID naming the field.
func (a *Article) Validate() error {
	if !ValidID(a.ID) {
		return fieldError("id", "must be 1-200 letters, digits or _ . : - (got %q)", a.ID)
	}
	if strings.TrimSpace(a.Title) == "" {
		return fieldError("title", "must not be empty")
	}
	if err := a.checkTexts(); err != nil {
		return err
	}
	if a.URL != "" {
		u, err := url.Parse(a.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fieldError("url", "must be an absolute http(s) URL (got %q)", a.URL)
		}
	}
	if a.PublishedAt != "" {
		if _, err := time.Parse(time.DateOnly, a.PublishedAt); err != nil {
			return fieldError("publishedAt", "must be a date YYYY-MM-DD (got %q)", a.PublishedAt)
		}
	}
	for i := range a.Quantities {
		if err := a.Quantities[i].Validate(); err != nil {
			return PrefixField(err, "quantities[%d]", i)
		}
	}
	return nil
}

// Evidence ties an assertion to an article: the sentence quoted and, when known, its
// character offsets in the article's text.
type Evidence struct {
	Article string `json:"article"` // article id
	Quote   string `json:"quote"`
	Start   *int   `json:"start,omitempty"`
	End     *int   `json:"end,omitempty"`
	// Attribution is who the article says made the claim ("KCNA", "state media"), when that
	// is not the publisher itself.
	Attribution string `json:"attribution,omitempty"`
	// Rule is the extraction rule that read the fact from the quote (factgraph extract).
	Rule string `json:"rule,omitempty"`

	// Source is the article itself, filled in on reads from the graph.
	Source *Article `json:"-"`
}

// Validate checks the evidence. Errors: EINVALID naming the field.
func (ev *Evidence) Validate() error {
	if !ValidID(ev.Article) {
		return fieldError("article", "must be an article id (got %q)", ev.Article)
	}
	if strings.TrimSpace(ev.Quote) == "" {
		return fieldError("quote", "must not be empty")
	}
	if err := ev.checkTexts(); err != nil {
		return err
	}
	if (ev.Start == nil) != (ev.End == nil) {
		return fieldError("start", "start and end must be given together")
	}
	if ev.Start != nil && (*ev.Start < 0 || *ev.End < *ev.Start) {
		return fieldError("end", "must be >= start >= 0")
	}
	return nil
}

func validateEvidence(list []Evidence) error {
	if len(list) == 0 {
		return fieldError("evidence", "at least one piece of evidence is required")
	}
	for i := range list {
		if err := list[i].Validate(); err != nil {
			return PrefixField(err, "evidence[%d]", i)
		}
	}
	return nil
}
