"""Workshops: events, funding, seats and registrations (built in the workshops issue)."""
