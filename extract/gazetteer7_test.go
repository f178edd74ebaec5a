package extract

import "testing"

// The sixth session's systematic gazetteer: representative new entries resolve, and common
// words and names that resemble entries do not become entities. The sentences are made up.
func TestGazetteer7Resolves(t *testing.T) {
	for _, c := range []struct {
		text string
		ids  []string
	}{
		{"Azerbaijan's offensive in Nagorno-Karabakh followed months in which the Lachin corridor was closed, Samvel Shahramanyan said.",
			[]string{"location:nagorno-karabakh", "location:lachin-corridor", "person:samvel-shahramanyan", "country:AZE"}},
		{"The FBI and USAID briefed the U.S. Coast Guard before the test at Malmstrom Air Force Base in Montana.",
			[]string{"org:fbi", "org:usaid", "org:us-coast-guard", "facility:malmstrom-air-force-base", "location:montana"}},
		{"Investigators said Nord Stream 1 and Nord Stream 2 were both damaged; the Nord Stream pipelines lie off Bornholm.",
			[]string{"facility:nord-stream-1", "facility:nord-stream-2", "facility:nord-stream", "location:bornholm"}},
		{"Yevgeny Prigozhin's fighters took Rostov-on-Don before they turned north. Prigozhin later died.",
			[]string{"person:yevgeny-prigozhin", "location:rostov-on-don"}},
		{"Wei Fenghe met officials in Shanghai as the PKK said it would disarm in Iraqi Kurdistan.",
			[]string{"person:wei-fenghe", "location:shanghai", "org:pkk", "location:kurdistan-region"}},
		{"A Chinese spy balloon drifted over Latin America while artillery pounded Kharkiv and HIMARS struck Melitopol.",
			[]string{"weapon:surveillance-balloon", "location:latin-america", "weapon:artillery", "location:kharkiv", "weapon:himars", "location:melitopol"}},
		{"F-15E jets took off from Langley Air Force Base as the Houthis fired at the Eternity C in the Red Sea.",
			[]string{"weapon:f-15", "facility:langley-air-force-base", "org:houthis", "vessel:eternity-c"}},
		{"Drones struck Engels air base and Olenya air base in the Murmansk region.",
			[]string{"facility:engels-air-base", "facility:olenya-air-base", "location:murmansk-region"}},
		{"Mossad and the SBU traded accusations with the FSB in Odessa.",
			[]string{"org:mossad", "org:sbu", "org:fsb", "location:odesa"}},
	} {
		ids := entityIDs(extractText(t, "2024-01-01", c.text))
		for _, id := range c.ids {
			if !ids[id] {
				t.Errorf("%q: no %s among %v", c.text, id, ids)
			}
		}
	}
}

func TestGazetteer7CommonWordsStayWords(t *testing.T) {
	for _, c := range []struct {
		text string
		not  []string
	}{
		{"The sound of explosions carried across the channel, a think tank said.", []string{"location:oresund", "location:english-channel"}},
		{"Let us see, Senator Chris Van Hollen said; Amal Clooney agreed.", []string{"org:lashkar-e-taiba", "org:amal-movement", "location:van"}},
		{"The dispute could torpedo the talks, the Atlantic Council said at 9 a.m. PST.", []string{"weapon:torpedo", "location:atlantic-ocean", "org:norwegian-police-security-service"}},
		{"General Park Sung-jin said the drills would go on.", []string{"person:park-jin"}},
		{"The Murmansk and Irkutsk regions were hit.", []string{"location:murmansk", "location:irkutsk"}},
	} {
		ids := entityIDs(extractText(t, "2024-01-01", c.text))
		for _, id := range c.not {
			if ids[id] {
				t.Errorf("%q: unexpected %s among %v", c.text, id, ids)
			}
		}
	}
	// the region names of "the Murmansk and Irkutsk regions" are the regions
	ids := entityIDs(extractText(t, "2024-01-01", "The Murmansk and Irkutsk regions were hit."))
	for _, id := range []string{"location:murmansk-region", "location:irkutsk-region"} {
		if !ids[id] {
			t.Errorf("no %s among %v", id, ids)
		}
	}
}
