"""A patient's session as pure logic on an injected clock (no Qt): the inactivity phases and
the hidden staff gesture that leaves it for maintenance."""
