package extract

import "testing"

// The tenth session: mechanisms from the causes of the tenth set's misses (opened for
// tuning in this session). Made-up sentences only, none of the sets'.

func TestCapitalAsTheCity(t *testing.T) {
	// the dateline, a place near it, its clock, its mayor, strikes on it and a list of
	// cities name the city; the capital as an actor or a venue still names the state
	res := issueExtract(t, "2024-06-24", "MOSCOW, June 24. /TASS/. The drones came within 40 km of Moscow at 4 a.m. Moscow time, Moscow Mayor Sergei Sobyanin said. Russia fired missiles at Kyiv, Lviv and Odesa. Moscow said the strikes on Kyiv were a reply. Talks were held in Moscow.")
	var city, state []int
	for _, m := range res.Mentions {
		switch m.Entity {
		case "location:moscow", "location:kyiv":
			city = append(city, m.Start)
		case "country:RUS", "country:UKR":
			state = append(state, m.Start)
		}
	}
	if len(city) != 6 || len(state) != 3 {
		t.Errorf("want 6 city mentions and 3 state ones (Russia, Moscow said, in Moscow), got %d and %d: %+v", len(city), len(state), res.Mentions)
	}
	ids := entityIDs(res)
	if !ids["location:moscow"] || !ids["location:kyiv"] {
		t.Errorf("want the cities as entities, got %v", ids)
	}
	wantEvent(t, res, "STRIKE", 3, map[string][]string{"AGENT": {"country:RUS"}, "TARGET": {"location:kyiv", "location:lviv", "location:odesa"}, "LOCATION": nil})
}
