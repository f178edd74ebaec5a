package extract

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
)

var zzFrags = []string{
	"Here's our correspondent in Islamabad:", "\n\n", "identified as Volodymyr Z.", "named", "as", "Serhii", "K.", "the man", "The man",
	"the city", "the city of", "Moscow", "Kyiv", "Sevastopol", "'s", "’s", "navy", "defence force", "special operations forces",
	"held pending", "held in custody", "were held without", "was", "is", "it", "It was carried out by", "carried out by",
	"carried", "out", "by", "accused", "accused the United States of", "of", "the attack", "sabotage", "denied any involvement in",
	"Ukraine has denied any role in", "fired", "fired five ATACMS missiles at", "at", ",", ".", "and", ", and the", "the", "a",
	"destroyed by air defence", "destroyed by", "air", "heading for", "heading", "arrived off", "arrived", "left the port of",
	"left", "arrival", "the ship's arrival", "the Madleen", "the yacht", "USS Carney", "HMS Diamond", "the British destroyer",
	"shot down", "which", "in which", "during which", "Russia", "Israel", "Gaza", "151 injured", "105 were wounded",
	"the remaining eight", "Three other activists", "In Italy,", "In", "police arrested him", "after police arrested her",
	"was hit", "missile", "drone", "The fifth missile was hit as well", "a terrorist crime of the Kiev regime", "crime of",
	"Turkey's foreign ministry", "Guyana's defence force", "Moscow time", "Moscow Mayor Sergei Sobyanin", "near Moscow",
	"strikes on Kyiv", "Kyiv, Lviv and Odesa", "pledge", "rejected any link between the decision and", "in what the group said was an Israeli drone attack",
	"On Saturday", "the ministry said", "informed sources said", "German media reported", ":", ";", "—", "(", ")", "\"",
	"MOSCOW, June 24. /TASS/.", "the suspect", "the woman", "Z.", "The drones were launched from lorries",
	"Drones smuggled in by the SBU struck 41 aircraft", "Turkey condemned the interception", "Israeli forces seized the Madleen",
	"The Madleen was intercepted", "Some of those involved had been detained, the ministry added", "them", "Four of them were destroyed",
}

func zzRun(t *testing.T, x *Extractor, text string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic %v", r)
		}
	}()
	_, e := x.Extract(factgraph.Article{ID: "article:t", Title: "t", PublishedAt: "2024-06-24", Text: text})
	_ = e
	return nil
}

func TestZZFuzz(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(g)
	r := rand.New(rand.NewSource(1))
	fails := 0
	for n := 0; n < 60000 && fails < 10; n++ {
		k := 1 + r.Intn(14)
		var b []string
		for j := 0; j < k; j++ {
			b = append(b, zzFrags[r.Intn(len(zzFrags))])
		}
		sep := " "
		if r.Intn(3) == 0 {
			sep = ""
		}
		text := strings.Join(b, sep)
		if err := zzRun(t, x, text); err != nil {
			fails++
			t.Errorf("%v on %q", err, text)
		}
	}
}
