package factgraph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the text of records, in characters (Unicode code points, as JSON Schema's
// maxLength counts them). Longer values are refused with the field and the limit.
const (
	// MaxNameChars bounds names, aliases, titles, labels, publishers, units, attributions,
	// rules, languages, key values and entity references.
	MaxNameChars = 1000
	// MaxQuoteChars bounds quotes and descriptions.
	MaxQuoteChars = 10000
	// MaxTextChars bounds an article's text.
	MaxTextChars = 1000000
	// MaxAliases bounds the aliases of one entity.
	MaxAliases = 100
)

// checkName refuses a one-line text with control characters (NUL, line breaks, tabs,
// DEL, C1) or longer than MaxNameChars.
func checkName(s, field string, args ...any) error {
	return checkText(s, MaxNameChars, false, field, args...)
}

// checkText refuses control characters (in multi-line texts, all but tab, line feed and
// carriage return) and texts longer than max characters.
func checkText(s string, max int, multiline bool, field string, args ...any) error {
	for i, r := range s {
		if unicode.IsControl(r) && !(multiline && (r == '\t' || r == '\n' || r == '\r')) {
			return fieldError(field, "must not contain control characters (%U at byte %d)", append(args, r, i)...)
		}
	}
	if len(s) > max && utf8.RuneCountInString(s) > max {
		return fieldError(field, "longer than %d characters (%d)", append(args, max, utf8.RuneCountInString(s))...)
	}
	return nil
}

// SignedUnits are the units whose amounts may be negative: changes and temperatures.
// Every other unit counts or measures something (troops, tons, dollars, kilometres) and
// its amounts must be zero or more.
var SignedUnits = []string{"percent", "%", "percentage points", "points", "degrees", "°c", "°f", "celsius", "fahrenheit", "change"}

// signedUnit reports whether amounts of the unit may be negative (case-insensitive).
func signedUnit(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	for _, s := range SignedUnits {
		if u == s {
			return true
		}
	}
	return false
}

func (a *Article) checkTexts() error {
	if err := checkName(a.Title, "title"); err != nil {
		return err
	}
	if err := checkName(a.Publisher, "publisher"); err != nil {
		return err
	}
	if err := checkName(a.Language, "language"); err != nil {
		return err
	}
	if len(a.URL) > 2000 {
		return fieldError("url", "longer than 2000 bytes (%d)", len(a.URL))
	}
	return checkText(a.Text, MaxTextChars, true, "text")
}

func (ev *Evidence) checkTexts() error {
	if err := checkText(ev.Quote, MaxQuoteChars, true, "quote"); err != nil {
		return err
	}
	if err := checkName(ev.Attribution, "attribution"); err != nil {
		return err
	}
	return checkName(ev.Rule, "rule")
}

func (e *Entity) checkTexts() error {
	if err := checkName(e.Name, "name"); err != nil {
		return err
	}
	if len(e.Aliases) > MaxAliases {
		return fieldError("aliases", "more than %d aliases (%d)", MaxAliases, len(e.Aliases))
	}
	for i, a := range e.Aliases {
		if err := checkName(a, "aliases[%d]", i); err != nil {
			return err
		}
	}
	for k, v := range e.Keys {
		if err := checkName(v, "keys.%s", k); err != nil {
			return err
		}
	}
	return checkText(e.Description, MaxQuoteChars, true, "description")
}
