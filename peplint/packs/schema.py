"""The JSON Schema of a pack file, generated from the pydantic models that load packs,
so an editor checks a pack as it is typed with the same rules `pack validate` applies.

`rules:` is a free mapping in the model (a built-in rule's override or a rule of the
pack's own, told apart by `type`); the schema spells the two shapes out.
"""

from __future__ import annotations

import json
from typing import Any

from peplint.packs.model import DeclarativeRuleSpec, PackFile, RuleOverride

SCHEMA_ID = "https://peplint.invalid/pack.schema.json"  # an id, never fetched


def pack_schema() -> dict[str, Any]:
    """The schema as a dict."""
    schema = PackFile.model_json_schema()
    defs = schema.setdefault("$defs", {})
    for model in (DeclarativeRuleSpec, RuleOverride):
        sub = model.model_json_schema()
        defs.update(sub.pop("$defs", {}))
        defs[model.__name__] = sub
    schema["properties"]["rules"] = {
        "title": "Rules",
        "description": "Built-in rules switched off/on, given a severity or settings; "
        "or rules of the pack's own (with a `type`).",
        "type": "object",
        "additionalProperties": {
            "anyOf": [
                {"type": "boolean"},
                {"enum": ["on", "off", "error", "warning", "info"]},
                {"$ref": "#/$defs/DeclarativeRuleSpec"},
                {"allOf": [{"$ref": "#/$defs/RuleOverride"}, {"not": {"required": ["type"]}}]},
            ]
        },
    }
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema


def pack_schema_text() -> str:
    """The schema as the text committed in docs/pack.schema.json."""
    return json.dumps(pack_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
