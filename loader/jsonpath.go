package loader

import "strconv"

// jsonWalk visits every value of data (one well-formed JSON value, as encoding/json has
// checked before it reports a type error or an unknown field): value is called with the
// path of each value (`evidence[1].start`) and the offset where it starts, key with the
// path of each object key, the key and its offset. It stops when a callback returns false.
// It exists because encoding/json's errors name fields without their array indexes.
type jsonWalk struct {
	data  []byte
	i     int
	value func(path string, start int) bool
	key   func(parent, key string, start int) bool
	stop  bool
	// keyAt is the offset of the key of the member whose value is being visited, or -1.
	keyAt int
}

func (w *jsonWalk) space() {
	for w.i < len(w.data) {
		switch w.data[w.i] {
		case ' ', '\t', '\r', '\n':
			w.i++
		default:
			return
		}
	}
}

// str skips a string starting at w.i and returns its content (escapes kept as they are,
// which is enough to compare with a field name).
func (w *jsonWalk) str() string {
	start := w.i + 1
	w.i++
	for w.i < len(w.data) {
		switch w.data[w.i] {
		case '\\':
			w.i += 2
			continue
		case '"':
			s := string(w.data[start:w.i])
			w.i++
			return s
		}
		w.i++
	}
	return string(w.data[start:])
}

func (w *jsonWalk) walk(path string) {
	w.space()
	if w.stop || w.i >= len(w.data) {
		return
	}
	if w.value != nil && !w.value(path, w.i) {
		w.stop = true
		return
	}
	switch w.data[w.i] {
	case '{':
		w.i++
		for !w.stop {
			w.space()
			if w.i >= len(w.data) || w.data[w.i] == '}' {
				w.i++
				return
			}
			if w.data[w.i] == ',' {
				w.i++
				continue
			}
			at := w.i
			k := w.str()
			if w.key != nil && !w.key(path, k, at) {
				w.stop = true
				return
			}
			w.space()
			if w.i < len(w.data) && w.data[w.i] == ':' {
				w.i++
			}
			child := k
			if path != "" {
				child = path + "." + k
			}
			w.keyAt = at
			w.walk(child)
		}
	case '[':
		w.i++
		for n := 0; !w.stop; {
			w.space()
			if w.i >= len(w.data) || w.data[w.i] == ']' {
				w.i++
				return
			}
			if w.data[w.i] == ',' {
				w.i++
				continue
			}
			w.keyAt = -1
			w.walk(path + "[" + strconv.Itoa(n) + "]")
			n++
		}
	case '"':
		w.str()
	default:
		for w.i < len(w.data) {
			switch w.data[w.i] {
			case ',', '}', ']', ' ', '\t', '\r', '\n':
				return
			}
			w.i++
		}
	}
}

// valuePathBefore returns the path of the last value of data that starts before off (the
// value a type error at off is about) and where it is: at its key when it has one.
func valuePathBefore(data []byte, off int) (path string, start int, ok bool) {
	w := &jsonWalk{data: data, keyAt: -1}
	w.value = func(p string, s int) bool {
		if s >= off {
			return false
		}
		path, start, ok = p, s, true
		if w.keyAt >= 0 {
			start = w.keyAt
		}
		w.keyAt = -1
		return true
	}
	w.walk("")
	return path, start, ok
}

// keyPath returns the path of the object holding the first key named name, and the key's
// offset: where an unknown field is.
func keyPath(data []byte, name string) (parent string, start int, ok bool) {
	w := &jsonWalk{data: data, keyAt: -1}
	w.key = func(p, k string, s int) bool {
		if k == name {
			parent, start, ok = p, s, true
			return false
		}
		return true
	}
	w.walk("")
	return parent, start, ok
}
