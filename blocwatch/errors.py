"""blocwatch's exceptions.

    BlocwatchError             anything blocwatch raises on purpose
    ├── InputError             one input is unusable (binary, too large, malformed); the batch goes on
    ├── PipelineError          stages were asked for in an order that cannot work
    └── MissingDependency      an optional extra is not installed; the message gives the install hint
"""


class BlocwatchError(Exception):
    """Base class of the errors blocwatch raises on purpose."""


class InputError(BlocwatchError):
    """One input cannot be used. The message is the reason a person reads."""


class PipelineError(BlocwatchError):
    """The stage list is inconsistent (a stage requires what no earlier stage provides)."""


class MissingDependency(BlocwatchError):
    """An optional dependency is missing; the message says what to install."""
