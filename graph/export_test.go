package graph

// For the external tests: the degree shortcut of the neighbourhood queries and the typed
// count it stands for.
var DegreeOf = degreeOf
