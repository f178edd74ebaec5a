package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// Events lists events, newest first (undated last). Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Events(ctx context.Context, q factgraph.EventQuery) (*factgraph.EventPage, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	skip, err := offset(q.After)
	if err != nil {
		return nil, err
	}
	var participant, location any
	if q.Participant != "" {
		e, err := db.Entity(ctx, q.Participant, factgraph.EntityView{})
		if err != nil {
			return nil, err
		}
		participant = e.ID
	}
	if q.Location != "" {
		e, err := db.Entity(ctx, q.Location, factgraph.EntityView{})
		if err != nil {
			return nil, err
		}
		location = e.ID
	}
	var modality any
	if q.Modality != "" {
		modality = q.Modality
	}
	params := map[string]any{"types": nonNil(q.Types), "participant": participant, "location": location,
		"from": dateOrNil(q.From), "to": dateOrNil(q.To), "modality": modality, "skip": int64(skip), "limit": int64(q.First + 1), "maxEvidence": int64(MaxEvidence)}
	match := `MATCH (ev:Event)
		WHERE (size($types) = 0 OR ev.type IN $types)
		  AND ($participant IS NULL OR EXISTS { (ev)-->(:Entity {id: $participant}) })
		  AND ($location IS NULL OR EXISTS { (ev)-[:LOCATION]->(:Entity {id: $location}) })
		  AND ($from IS NULL OR ev.timeEnd >= $from) AND ($to IS NULL OR ev.timeStart <= $to)
		  AND ($modality IS NULL OR ev.modality = $modality)`
	// One statement: the total, then the page with each event's evidence; on a page past
	// the end the one row has a null event and the total.
	res, err := db.query(ctx, "events", `CALL () { `+match+` RETURN count(ev) AS total }
		OPTIONAL CALL () {
		  `+match+`
		  WITH ev ORDER BY ev.timeStart IS NULL, ev.timeStart DESC, ev.id SKIP $skip LIMIT $limit
		  RETURN `+eventProj("ev")+` AS event, `+eventEvidence+` AS evidence, ev.timeStart AS ts, ev.id AS id
		}
		RETURN event, evidence, total ORDER BY ts IS NULL, ts DESC, id`, params)
	if err != nil {
		return nil, err
	}
	page, err := eventPage(res.Records, q.First, skip)
	if err != nil {
		return nil, db.translate(fmt.Errorf("events: %w", err))
	}
	return page, nil
}

func eventPage(recs []*neo4j.Record, first, skip int) (*factgraph.EventPage, error) {
	page := &factgraph.EventPage{}
	for _, r := range recs {
		row := r.AsMap()
		total, err := integer(row, "total")
		if err != nil {
			return nil, err
		}
		page.TotalCount = total
		m, err := mapAt(row, "event")
		if err != nil || m == nil {
			return page, err
		}
		if len(page.Events) == first {
			page.HasNext = true
			break
		}
		ev, err := eventFrom(m)
		if err != nil {
			return nil, err
		}
		if ev.Evidence, err = evidenceAt(row, "evidence"); err != nil {
			return nil, err
		}
		page.Events = append(page.Events, ev)
		page.Cursors = append(page.Cursors, cursor(skip+len(page.Cursors)))
	}
	return page, nil
}
