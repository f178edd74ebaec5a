package server

// RootStatements is rootStatements, for the tests.
var RootStatements = rootStatements
