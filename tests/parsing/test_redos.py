"""Every named pattern of the parsers passes a ReDoS analyser (regexploit).

regexploit finds nested and adjacent quantifiers that can match the same text; it does not
see overlapping alternatives, which ``test_linear_time`` covers by timing crafted input.
"""

import importlib
import pkgutil
import re
import warnings

import pytest

import imports.parsing as parsing

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # regexploit imports sre_constants
    from regexploit.ast.sre import SreOpParser
    from regexploit.redos import find


def named_patterns():
    for info in pkgutil.iter_modules(parsing.__path__):
        module = importlib.import_module(f"{parsing.__name__}.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield pytest.param(value, id=f"{info.name}.{name}")


PATTERNS = list(named_patterns())


def test_the_parsers_have_named_patterns():
    assert len(PATTERNS) >= 10


@pytest.mark.parametrize("pattern", PATTERNS)
def test_pattern_cannot_backtrack_badly(pattern):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = SreOpParser().parse_sre(pattern.pattern, pattern.flags)
        found = [redos for redos in find(parsed) if redos.starriness > 2]
    assert found == [], pattern.pattern
