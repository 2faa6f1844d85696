package chatserver

import (
	"slices"
	"sync"
)

// hub keeps the rooms: which sessions have joined which room. A room exists while it has a
// member.
type hub struct {
	mu    sync.Mutex
	rooms map[string]map[*session]struct{}
}

func newHub() *hub {
	return &hub{rooms: make(map[string]map[*session]struct{})}
}

// join adds ss to room and returns the members, ss included, and whether ss is new there.
func (h *hub) join(room string, ss *session) ([]*session, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	m := h.rooms[room]
	if m == nil {
		m = make(map[*session]struct{})
		h.rooms[room] = m
	}
	_, was := m[ss]
	m[ss] = struct{}{}
	return sorted(m), !was
}

// leave removes ss from room and returns the members left, and whether ss was a member.
func (h *hub) leave(room string, ss *session) ([]*session, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	m := h.rooms[room]
	if _, ok := m[ss]; !ok {
		return nil, false
	}
	delete(m, ss)
	if len(m) == 0 {
		delete(h.rooms, room)
	}
	return sorted(m), true
}

// leaveAll removes ss from every room and returns, per room it was in, the members left.
func (h *hub) leaveAll(ss *session) map[string][]*session {
	h.mu.Lock()
	defer h.mu.Unlock()
	var left map[string][]*session
	for room, m := range h.rooms {
		if _, ok := m[ss]; !ok {
			continue
		}
		delete(m, ss)
		if len(m) == 0 {
			delete(h.rooms, room)
		}
		if left == nil {
			left = make(map[string][]*session)
		}
		left[room] = sorted(m)
	}
	return left
}

// members returns the members of room, and whether ss is one of them.
func (h *hub) members(room string, ss *session) ([]*session, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	m := h.rooms[room]
	_, in := m[ss]
	return sorted(m), in
}

// sorted returns the sessions of m by connection id, so deliveries have a stable order.
func sorted(m map[*session]struct{}) []*session {
	out := make([]*session, 0, len(m))
	for ss := range m {
		out = append(out, ss)
	}
	slices.SortFunc(out, func(a, b *session) int {
		switch {
		case a.id < b.id:
			return -1
		case a.id > b.id:
			return 1
		}
		return 0
	})
	return out
}
