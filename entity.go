package factgraph

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Entity kinds. Each is also a Neo4j label, beside the common label Entity.
const (
	KindCountry      = "Country"
	KindPerson       = "Person"
	KindOrganization = "Organization"
	KindWeaponSystem = "WeaponSystem"
	KindFacility     = "Facility"
	KindLocation     = "Location"
	KindVessel       = "Vessel"
)

// EntityKinds is the allow-list of entity kinds; nothing else reaches Cypher as a label.
var EntityKinds = []string{
	KindCountry, KindPerson, KindOrganization, KindWeaponSystem, KindFacility, KindLocation, KindVessel,
}

// IsEntityKind reports whether k is an allowed entity kind.
func IsEntityKind(k string) bool { return slices.Contains(EntityKinds, k) }

// Entity is a thing the news talks about: a country, a person, an organization, ...
type Entity struct {
	ID          string            `json:"id"`
	Kind        string            `json:"kind"`
	Name        string            `json:"name"`
	Aliases     []string          `json:"aliases,omitempty"`
	Keys        map[string]string `json:"keys,omitempty"` // external keys, e.g. iso3166_alpha3: PRK
	Description string            `json:"description,omitempty"`

	// Degree is the number of its direct relations and events, filled in on reads.
	Degree int `json:"-"`
}

var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// ValidID reports whether s is a well-formed id: an ASCII letter or digit, then up to 199
// letters, digits and _ . : - (the pattern ^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,199}$).
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 200 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case i > 0 && (c == '_' || c == '.' || c == ':' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// Validate checks the entity. Errors: EINVALID naming the field.
func (e *Entity) Validate() error {
	if !ValidID(e.ID) {
		return fieldError("id", "must be 1-200 letters, digits or _ . : - (got %q)", e.ID)
	}
	if !IsEntityKind(e.Kind) {
		return fieldError("kind", "must be one of %s (got %q)", strings.Join(EntityKinds, ", "), e.Kind)
	}
	if strings.TrimSpace(e.Name) == "" {
		return fieldError("name", "must not be empty")
	}
	for i, a := range e.Aliases {
		if strings.TrimSpace(a) == "" {
			return fieldError("aliases[%d]", "must not be empty", i)
		}
	}
	if err := e.checkTexts(); err != nil {
		return err
	}
	for k := range e.Keys {
		if !keyPattern.MatchString(k) {
			return fieldError("keys", "key %q must be lower-case letters, digits and _", k)
		}
	}
	return nil
}

// KeyList returns the external keys as "name=value" strings in a stable order, the form
// in which they are stored as a Neo4j property.
func (e *Entity) KeyList() []string {
	out := make([]string, 0, len(e.Keys))
	for k, v := range e.Keys {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

// ExternalKey is one external identifier of an entity, e.g. iso3166_alpha3 = PRK.
type ExternalKey struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ExternalKeys returns the keys sorted by name.
func (e *Entity) ExternalKeys() []ExternalKey {
	out := make([]ExternalKey, 0, len(e.Keys))
	for _, kv := range e.KeyList() {
		k, v, _ := strings.Cut(kv, "=")
		out = append(out, ExternalKey{Name: k, Value: v})
	}
	return out
}

// ParseKeyList is the inverse of KeyList.
func ParseKeyList(list []string) map[string]string {
	if len(list) == 0 {
		return nil
	}
	m := make(map[string]string, len(list))
	for _, kv := range list {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}

// NormalizeName folds a name for matching: lower case, diacritics removed, hyphens,
// apostrophes and punctuation turned into spaces, runs of spaces collapsed. So
// "Kim Jong-un" and "kim jong un", "Türkiye" and "turkiye" fold to the same key.
func NormalizeName(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	space := true
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case r == '\'' || r == '’' || r == '.':
			// "Workers' Party" = "Workers Party"; "U.S." = "US"
			continue
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// NameKeys returns the distinct normalized forms of a name and its aliases.
func NameKeys(name string, aliases []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, s := range append([]string{name}, aliases...) {
		k := NormalizeName(s)
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}
