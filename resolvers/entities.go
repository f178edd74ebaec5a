package resolvers

import "github.com/factgraph/factgraph"

// Entity is the Go side of the GraphQL Entity interface: one wrapper type per kind, each
// embedding the domain entity.
type Entity interface {
	factgraph.Node
	Base() *factgraph.Entity
}

// Country is an entity of kind Country.
type Country struct{ *factgraph.Entity }

// Base returns the domain entity.
func (e Country) Base() *factgraph.Entity { return e.Entity }

// Person is an entity of kind Person.
type Person struct{ *factgraph.Entity }

// Base returns the domain entity.
func (e Person) Base() *factgraph.Entity { return e.Entity }

// Organization is an entity of kind Organization.
type Organization struct{ *factgraph.Entity }

// Base returns the domain entity.
func (e Organization) Base() *factgraph.Entity { return e.Entity }

// WeaponSystem is an entity of kind WeaponSystem.
type WeaponSystem struct{ *factgraph.Entity }

// Base returns the domain entity.
func (e WeaponSystem) Base() *factgraph.Entity { return e.Entity }

// Facility is an entity of kind Facility.
type Facility struct{ *factgraph.Entity }

// Base returns the domain entity.
func (e Facility) Base() *factgraph.Entity { return e.Entity }

// Location is an entity of kind Location.
type Location struct{ *factgraph.Entity }

// Base returns the domain entity.
func (e Location) Base() *factgraph.Entity { return e.Entity }

// Vessel is an entity of kind Vessel.
type Vessel struct{ *factgraph.Entity }

// Base returns the domain entity.
func (e Vessel) Base() *factgraph.Entity { return e.Entity }

// Iso2 is the ISO 3166-1 alpha-2 code, if known.
func (e Country) Iso2() *string { return key(e.Entity, "iso3166_alpha2") }

// Iso3 is the ISO 3166-1 alpha-3 code, if known.
func (e Country) Iso3() *string { return key(e.Entity, "iso3166_alpha3") }

func key(e *factgraph.Entity, name string) *string {
	if v, ok := e.Keys[name]; ok {
		return &v
	}
	return nil
}

// wrap returns the GraphQL type of the entity's kind (nil for nil).
func wrap(e *factgraph.Entity) Entity {
	if e == nil {
		return nil
	}
	switch e.Kind {
	case factgraph.KindCountry:
		return Country{e}
	case factgraph.KindPerson:
		return Person{e}
	case factgraph.KindOrganization:
		return Organization{e}
	case factgraph.KindWeaponSystem:
		return WeaponSystem{e}
	case factgraph.KindFacility:
		return Facility{e}
	case factgraph.KindLocation:
		return Location{e}
	case factgraph.KindVessel:
		return Vessel{e}
	}
	return Organization{e} // unreachable: kinds are allow-listed on write
}

// wrapNode gives entities their GraphQL type; events and articles are their own.
func wrapNode(n factgraph.Node) factgraph.Node {
	if e, ok := n.(*factgraph.Entity); ok {
		return wrap(e)
	}
	return n
}
