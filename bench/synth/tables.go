package synth

// Entity kinds by index; the order is also the order of the entity section of the output.
const (
	kCountry = iota
	kPerson
	kOrg
	kWeapon
	kFacility
	kLocation
	kVessel
	nKinds
)

var (
	kindName  = [nKinds]string{"Country", "Person", "Organization", "WeaponSystem", "Facility", "Location", "Vessel"}
	idPrefix  = [nKinds]string{"country:C", "person:p", "org:o", "weapon:w", "facility:f", "location:l", "vessel:v"}
	idWidth   = [nKinds]int{4, 6, 6, 6, 6, 6, 6}
	minSyl    = [nKinds]int{2, 3, 2, 2, 2, 2, 2}
	kindShare = [nKinds]int{0, 40, 20, 10, 10, 12, 8} // % of the non-country entities
	// kindWeight is how often a kind is mentioned when any entity will do.
	kindWeight = [nKinds]int{30, 25, 15, 10, 8, 7, 5}
)

// maxCountries bounds the Country entities, as in the real world.
const maxCountries = 250

// relTemplate is a relation type with the kinds of its endpoints and a weight.
type relTemplate struct {
	typ      string
	from, to int
	weight   int
}

var relTemplates = []relTemplate{
	{"LEADS", kPerson, kCountry, 3},
	{"LEADS", kPerson, kOrg, 2},
	{"MEMBER_OF", kCountry, kOrg, 4},
	{"MEMBER_OF", kPerson, kOrg, 3},
	{"PART_OF", kOrg, kOrg, 2},
	{"PART_OF", kLocation, kCountry, 2},
	{"LOCATED_IN", kFacility, kCountry, 4},
	{"LOCATED_IN", kFacility, kLocation, 2},
	{"LOCATED_IN", kLocation, kCountry, 2},
	{"ALLIED_WITH", kCountry, kCountry, 5},
	{"SUPPLIES", kCountry, kCountry, 6},
	{"SUPPLIES", kOrg, kCountry, 2},
	{"PRODUCES", kCountry, kWeapon, 4},
	{"PRODUCES", kFacility, kWeapon, 3},
	{"PRODUCES", kOrg, kWeapon, 2},
	{"OPERATES", kCountry, kWeapon, 3},
	{"OPERATES", kCountry, kVessel, 2},
	{"OPERATES", kOrg, kFacility, 2},
	{"OPERATES", kOrg, kVessel, 1},
	{"OWNS", kOrg, kVessel, 2},
	{"OWNS", kCountry, kFacility, 2},
	{"DEPLOYED_TROOPS_TO", kCountry, kCountry, 3},
	{"DEPLOYED_TROOPS_TO", kCountry, kLocation, 2},
	{"AT_WAR_WITH", kCountry, kCountry, 2},
	{"AT_WAR_WITH", kOrg, kCountry, 1},
	{"SANCTIONS", kCountry, kCountry, 4},
	{"SANCTIONS", kCountry, kOrg, 3},
	{"SANCTIONS", kCountry, kPerson, 2},
	{"SANCTIONS", kCountry, kVessel, 2},
	{"SUPPORTS", kCountry, kCountry, 3},
	{"SUPPORTS", kPerson, kOrg, 1},
	{"SUPPORTS", kCountry, kOrg, 1},
	{"NEGOTIATES_WITH", kCountry, kCountry, 3},
	{"NEGOTIATES_WITH", kPerson, kPerson, 2},
	{"STATE_MEDIA_OF", kOrg, kCountry, 1},
	{"BORDERS", kCountry, kCountry, 2},
	{"OPPOSES", kPerson, kPerson, 1},
	{"OPPOSES", kCountry, kCountry, 1},
	{"OPPOSES", kOrg, kCountry, 1},
	{"DEVELOPS", kCountry, kWeapon, 3},
	{"DEVELOPS", kOrg, kWeapon, 2},
	{"REPRESENTS", kPerson, kCountry, 2},
	{"REPRESENTS", kPerson, kOrg, 2},
}

// relClauses are sentence cores per relation type: %[1]s is the from name, %[2]s the to name.
var relClauses = map[string][2]string{
	"LEADS":              {"%[1]s leads %[2]s", "%[1]s, who heads %[2]s, chaired the meeting"},
	"MEMBER_OF":          {"%[1]s is a member of %[2]s", "%[1]s took part as a member of %[2]s"},
	"PART_OF":            {"%[1]s is part of %[2]s", "%[1]s operates as part of %[2]s"},
	"LOCATED_IN":         {"%[1]s is located in %[2]s", "%[1]s lies in %[2]s"},
	"ALLIED_WITH":        {"%[1]s and %[2]s reaffirmed their alliance", "%[1]s called %[2]s its closest ally"},
	"SUPPLIES":           {"%[1]s supplies weapons to %[2]s", "%[1]s has shipped munitions to %[2]s"},
	"PRODUCES":           {"%[1]s produces the %[2]s", "%[1]s has stepped up output of the %[2]s"},
	"OPERATES":           {"%[1]s operates the %[2]s", "the %[2]s is operated by %[1]s"},
	"OWNS":               {"%[1]s owns %[2]s", "%[2]s is owned by %[1]s"},
	"DEPLOYED_TROOPS_TO": {"%[1]s has deployed troops to %[2]s", "soldiers from %[1]s were sent to %[2]s"},
	"AT_WAR_WITH":        {"%[1]s is at war with %[2]s", "fighting between %[1]s and %[2]s continued"},
	"SANCTIONS":          {"%[1]s imposed sanctions on %[2]s", "%[1]s added %[2]s to its sanctions list"},
	"SUPPORTS":           {"%[1]s backs %[2]s", "%[1]s pledged support for %[2]s"},
	"NEGOTIATES_WITH":    {"%[1]s is holding talks with %[2]s", "%[1]s and %[2]s resumed negotiations"},
	"STATE_MEDIA_OF":     {"%[1]s, the official news agency of %[2]s, carried the report", "%[1]s is the state mouthpiece of %[2]s"},
	"BORDERS":            {"%[1]s borders %[2]s", "%[1]s shares a border with %[2]s"},
	"OPPOSES":            {"%[1]s opposes %[2]s", "%[1]s sharply criticised %[2]s"},
	"DEVELOPS":           {"%[1]s is developing the %[2]s", "%[1]s continues work on the %[2]s"},
	"REPRESENTS":         {"%[1]s represents %[2]s", "%[1]s spoke on behalf of %[2]s"},
}

// relUnits are the quantities a relation of the type may state.
var relUnits = map[string][]unitSpec{
	"SUPPLIES":           {{"artillery shells", "", 1e3, 5e6}, {"missiles", "", 10, 2000}, {"USD", "value", 1e6, 5e9}},
	"DEPLOYED_TROOPS_TO": {{"troops", "", 100, 50000}},
	"PRODUCES":           {{"units per year", "output", 10, 100000}},
	"OPERATES":           {{"units", "fleet size", 1, 500}},
	"OWNS":               {{"units", "fleet size", 1, 100}},
}

var genericUnits = []unitSpec{
	{"USD", "value", 1e5, 1e10}, {"troops", "", 50, 100000}, {"tons", "displacement", 500, 30000},
	{"km", "range", 50, 15000}, {"missiles", "", 1, 500}, {"aircraft", "", 1, 200}, {"percent", "increase", 1, 300},
}

type unitSpec struct {
	unit, of string
	lo, hi   float64
}

// roleSpec is a role slot of an event type and the kinds that can fill it.
type roleSpec struct {
	role  string
	kinds []int
}

type eventTemplate struct {
	typ    string
	verb   string
	weight int
	roles  [5]roleSpec // the first is the AGENT
}

func rs(role string, kinds ...int) roleSpec { return roleSpec{role, kinds} }

var eventTemplates = []eventTemplate{
	{"ORDER", "orders work on", 4, [5]roleSpec{rs("AGENT", kPerson, kCountry), rs("TARGET", kWeapon, kFacility), rs("LOCATION", kCountry), rs("TARGET", kWeapon), rs("PARTICIPANT", kOrg)}},
	{"INSPECTION", "inspects", 5, [5]roleSpec{rs("AGENT", kPerson), rs("TARGET", kFacility, kVessel, kWeapon), rs("LOCATION", kCountry, kLocation), rs("PARTICIPANT", kPerson), rs("TARGET", kWeapon)}},
	{"VISIT", "visits", 6, [5]roleSpec{rs("AGENT", kPerson), rs("TARGET", kCountry, kFacility), rs("PARTICIPANT", kPerson), rs("LOCATION", kLocation), rs("PARTICIPANT", kOrg)}},
	{"PRODUCTION", "produces", 3, [5]roleSpec{rs("AGENT", kCountry, kOrg, kFacility), rs("TARGET", kWeapon), rs("LOCATION", kFacility, kCountry), rs("PARTICIPANT", kOrg), rs("TARGET", kWeapon)}},
	{"EXPANSION", "expands", 3, [5]roleSpec{rs("AGENT", kCountry, kOrg), rs("TARGET", kFacility), rs("LOCATION", kCountry, kLocation), rs("INSTRUMENT", kWeapon), rs("PARTICIPANT", kOrg)}},
	{"DEPLOYMENT", "deploys forces to", 5, [5]roleSpec{rs("AGENT", kCountry), rs("TARGET", kLocation, kCountry), rs("INSTRUMENT", kWeapon, kVessel), rs("PARTICIPANT", kOrg), rs("LOCATION", kLocation)}},
	{"SUPPLY", "supplies", 5, [5]roleSpec{rs("AGENT", kCountry, kOrg), rs("BENEFICIARY", kCountry), rs("INSTRUMENT", kWeapon), rs("PARTICIPANT", kVessel, kOrg), rs("LOCATION", kLocation)}},
	{"TEST", "tests", 4, [5]roleSpec{rs("AGENT", kCountry), rs("INSTRUMENT", kWeapon), rs("LOCATION", kLocation, kFacility), rs("PARTICIPANT", kPerson), rs("TARGET", kLocation)}},
	{"LAUNCH", "launches", 4, [5]roleSpec{rs("AGENT", kCountry), rs("INSTRUMENT", kWeapon), rs("LOCATION", kFacility, kLocation), rs("TARGET", kLocation), rs("PARTICIPANT", kPerson)}},
	{"INTERCEPTION", "intercepts", 4, [5]roleSpec{rs("AGENT", kCountry), rs("TARGET", kWeapon, kVessel), rs("LOCATION", kLocation), rs("INSTRUMENT", kWeapon), rs("PARTICIPANT", kCountry)}},
	{"STRIKE", "strikes", 5, [5]roleSpec{rs("AGENT", kCountry, kOrg), rs("TARGET", kFacility, kLocation), rs("INSTRUMENT", kWeapon), rs("LOCATION", kCountry), rs("PARTICIPANT", kOrg)}},
	{"SANCTION", "sanctions", 5, [5]roleSpec{rs("AGENT", kCountry, kOrg), rs("TARGET", kCountry, kOrg, kPerson, kVessel), rs("TARGET", kOrg, kPerson, kVessel), rs("PARTICIPANT", kCountry), rs("TARGET", kVessel)}},
	{"CONDEMNATION", "condemns", 5, [5]roleSpec{rs("AGENT", kCountry, kPerson, kOrg), rs("TARGET", kCountry, kPerson), rs("PARTICIPANT", kCountry), rs("TARGET", kOrg), rs("LOCATION", kLocation)}},
	{"TALKS", "holds talks with", 7, [5]roleSpec{rs("AGENT", kPerson, kCountry), rs("PARTICIPANT", kPerson, kCountry), rs("LOCATION", kLocation, kCountry), rs("PARTICIPANT", kPerson), rs("PARTICIPANT", kOrg)}},
	{"STATEMENT", "issues a statement on", 8, [5]roleSpec{rs("AGENT", kOrg, kPerson, kCountry), rs("TARGET", kCountry, kPerson), rs("PARTICIPANT", kPerson), rs("LOCATION", kCountry), rs("TARGET", kWeapon)}},
	{"MEETING", "meets", 7, [5]roleSpec{rs("AGENT", kPerson, kOrg), rs("PARTICIPANT", kPerson), rs("LOCATION", kLocation, kCountry), rs("PARTICIPANT", kPerson), rs("PARTICIPANT", kOrg)}},
	{"TRANSIT", "transits", 3, [5]roleSpec{rs("AGENT", kVessel), rs("LOCATION", kLocation), rs("PARTICIPANT", kCountry), rs("TARGET", kLocation), rs("PARTICIPANT", kOrg)}},
	{"INCURSION", "enters", 3, [5]roleSpec{rs("AGENT", kCountry, kVessel), rs("TARGET", kCountry), rs("LOCATION", kLocation), rs("INSTRUMENT", kWeapon, kVessel), rs("PARTICIPANT", kOrg)}},
	{"CONSTRUCTION", "builds", 3, [5]roleSpec{rs("AGENT", kCountry, kOrg), rs("TARGET", kFacility, kVessel), rs("LOCATION", kLocation, kCountry), rs("PARTICIPANT", kOrg), rs("INSTRUMENT", kWeapon)}},
	{"ANNOUNCEMENT", "announces plans for", 5, [5]roleSpec{rs("AGENT", kPerson, kOrg, kCountry), rs("TARGET", kWeapon, kFacility), rs("PARTICIPANT", kCountry), rs("LOCATION", kCountry), rs("PARTICIPANT", kPerson)}},
}

var fillers = []string{
	"according to state media", "officials said on Monday", "the ministry said in a statement",
	"a spokesperson confirmed", "diplomats said", "satellite images show", "the report said",
	"two people familiar with the matter said", "the defence ministry said", "local media reported",
}

var publishers = []string{
	"Global Wire", "The Daily Meridian", "Northern Herald", "Pacific Monitor", "Eurasia Desk",
	"The Strategic Review", "Harbor Times", "Continental Post", "Defense Ledger", "The Observer Weekly",
	"Capital Dispatch", "Frontline Report", "Atlas News", "The Evening Courier", "Signal Press",
	"Horizon Daily", "Union Gazette", "Open Source Intel Digest", "Maritime Bulletin", "The Chronicle",
}

var headlines = []string{
	"%[1]s Warns %[2]s Over Military Buildup",
	"%[1]s and %[2]s Hold Talks on Security",
	"%[1]s Accuses %[2]s of Supplying Weapons",
	"%[1]s Tests New Missile as %[2]s Watches",
	"Satellite Images Show Activity Linked to %[2]s in %[1]s",
	"%[1]s Sanctions %[2]s Over Arms Transfers",
	"%[1]s Leader Meets %[2]s",
	"Tensions Rise Between %[1]s and %[2]s",
	"%[1]s Expands Arms Production, %[2]s Concerned",
	"What %[1]s's Deal With %[2]s Means",
}

var (
	countrySuffixes = []string{"nia", "ria", "stan", "land", "va", "dor", "mar", "via", "ka"}
	familySuffixes  = []string{"", "", "ov", "enko", "sson", "ez", "ski", "n", "r", "k"}
	orgPatterns     = []string{"%s Dynamics", "%s Aerospace Corporation", "%s Shipbuilding Group", "%s Defense Industries", "%s News Agency", "%s Workers' Party", "%s Brigade", "%s Institute of Strategic Studies", "%s Treaty Organization", "%s Revolutionary Front"}
	facilityTypes   = []string{"Munitions Plant", "Naval Base", "Air Base", "Launch Site", "Nuclear Research Center", "Shipyard", "Port", "Missile Factory"}
	locationFormats = []string{"%s", "%s", "%s Strait", "Gulf of %s", "%s Peninsula", "%s Province", "Mount %s", "%s Island", "Sea of %s"}
	vesselPrefixes  = []string{"", "", "Admiral ", "Hero ", "General ", "Star of ", "Spirit of "}
	regions         = []string{"East Asia", "Eastern Europe", "the Middle East", "Central Asia", "the Caucasus", "the Baltic region", "South Asia", "North Africa", "the Sahel", "Southeast Asia", "the Western Balkans", "South America"}
)
