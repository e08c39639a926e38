"""``tf.Variable(<initial value>, ...)`` → the arguments of ``self.add_weight(...)``.

Only initial values whose meaning is known are converted, with the same values:

- ``tf.zeros(s)``, ``tf.ones(s)``, ``np.zeros(s)``, ``np.ones(s)``: ``shape=s``,
  ``initializer="zeros"``/``"ones"``;
- ``tf.fill(s, v)``, ``tf.constant(v, shape=s)``, ``tf.constant(v)``, a number ``v``:
  ``initializer=Constant(v)`` (``"zeros"``/``"ones"`` for 0 and 1);
- ``tf.random.normal(s, mean=m, stddev=d)``: ``RandomNormal(mean=m, stddev=d)``, with
  TensorFlow's default ``stddev=1.0`` when absent, not Keras's 0.05;
- ``tf.random.uniform(s, minval=a, maxval=b)``: ``RandomUniform(minval=a, maxval=b)``, with
  TensorFlow's defaults 0 and 1, not Keras's -0.05 and 0.05;
- ``tf.random.truncated_normal(s, mean=m, stddev=d)``: ``TruncatedNormal(...)``, stddev 1.0
  when absent.

``lambda: <value>`` (a callable initial value) is the same value. ``dtype``, ``trainable``
and ``name`` carry over; an integer number gets ``dtype="int32"`` as ``tf.Variable`` gives it.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst  # pylint: disable=import-error

_EMPTY = cst.Module([])

_VARIABLE_KEYWORDS = ("initial_value", "trainable", "name", "dtype")
_FILL = {"zeros": "zeros", "ones": "ones"}


def code(node: cst.CSTNode) -> str:
    """The source text of a detached node."""
    return _EMPTY.code_for_node(node)


def dotted(node: cst.BaseExpression) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, else None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = dotted(node.value)
        return None if head is None else f"{head}.{node.attr.value}"
    return None


@dataclass
class Weight:
    """The keyword arguments of ``self.add_weight`` (code strings), in order."""

    shape: str
    initializer: str
    dtype: str | None = None
    trainable: str | None = None
    name: str | None = None
    shape_expr: cst.BaseExpression | None = None  # the shape as given, for scope checks

    def call(self, self_name: str) -> str:
        """The ``self.add_weight(...)`` call, as code."""
        parts = [f"shape={self.shape}", f"initializer={self.initializer}"]
        for key in ("dtype", "trainable", "name"):
            value = getattr(self, key)
            if value is not None:
                parts.append(f"{key}={value}")
        return f"{self_name}.add_weight({', '.join(parts)})"


def _args(call: cst.Call) -> tuple[list[cst.BaseExpression], dict[str, cst.BaseExpression]] | None:
    positional: list[cst.BaseExpression] = []
    keywords: dict[str, cst.BaseExpression] = {}
    for arg in call.args:
        if arg.star:
            return None
        if arg.keyword is None:
            positional.append(arg.value)
        else:
            keywords[arg.keyword.value] = arg.value
    return positional, keywords


def _number(node: cst.BaseExpression) -> str | None:
    """The code of a (possibly negated) int/float literal."""
    if isinstance(node, (cst.Integer, cst.Float)):
        return node.value
    if (
        isinstance(node, cst.UnaryOperation)
        and isinstance(node.operator, cst.Minus)
        and isinstance(node.expression, (cst.Integer, cst.Float))
    ):
        return "-" + node.expression.value
    return None


def _shape(node: cst.BaseExpression) -> str:
    """A shape argument as add_weight wants it: a tuple."""
    if isinstance(node, (cst.List, cst.Tuple)):
        items = [code(element.value).strip() for element in node.elements]
        if not items:
            return "()"
        if len(items) == 1:
            return f"({items[0]},)"
        return "(" + ", ".join(items) + ")"
    if isinstance(node, cst.Integer):
        return f"({node.value},)"
    return code(node).strip()


def _constant(value: str, keras: str) -> str:
    stripped = value.rstrip("0").rstrip(".") if "." in value else value
    if stripped in ("0", "-0"):
        return '"zeros"'
    if stripped == "1":
        return '"ones"'
    return f"{keras}.initializers.Constant({value})"


def _float(value: str) -> str:
    return value if ("." in value or "e" in value.lower()) else f"{value}.0"


def convert(variable: cst.Call, keras: str | None) -> Weight | str:
    """The add_weight form of ``tf.Variable(...)``, or why there is none."""
    parsed = _args(variable)
    if parsed is None:
        return "its arguments are unpacked (*args/**kwargs)"
    positional, keywords = parsed
    if len(positional) > 1:
        return "it passes more than the initial value positionally"
    unknown = sorted(set(keywords) - set(_VARIABLE_KEYWORDS))
    if unknown:
        return f"add_weight() has no equivalent of its argument {unknown[0]}="
    if positional and "initial_value" in keywords:
        return "it gives the initial value twice"
    value = positional[0] if positional else keywords.get("initial_value")
    if value is None:
        return "it has no initial value"
    if isinstance(value, cst.Lambda) and not value.params.params:
        value = value.body  # a callable initial value: the same value, made lazily
    weight = _initializer(value, keras)
    if isinstance(weight, str):
        return weight
    for key in ("trainable", "name", "dtype"):
        if key in keywords:
            setattr(weight, key, code(keywords[key]).strip())
    if weight.dtype == '"int32"' and weight.trainable is None:
        weight.trainable = "False"  # an integer variable (a counter) has no gradient
    return weight


def _initializer(value: cst.BaseExpression, keras: str | None) -> Weight | str:
    number = _number(value)
    if number is not None:
        dtype = None if "." in number or "e" in number.lower() else '"int32"'
        if keras is None and number not in ("0", "1", "0.0", "1.0"):
            return "no Keras import to name the initializer"
        return Weight(shape="()", initializer=_constant(number, keras or "keras"), dtype=dtype)
    if not isinstance(value, cst.Call):
        return f"its initial value {code(value).strip()!r} is not a recognised form"
    name = dotted(value.func) or ""
    parsed = _args(value)
    if parsed is None:
        return "its initial value's arguments are unpacked"
    positional, keywords = parsed
    last = name.split(".")[-1]
    kind = ".".join(name.split(".")[-2:]) if "." in name else name
    recognised = f"its initial value {code(value).strip()!r} is not a recognised form"
    if last in _FILL and "." in name:
        shape = positional[0] if positional else keywords.get("shape")
        if shape is None or len(positional) > 2 or set(keywords) - {"shape", "dtype"}:
            return recognised
        dtype = keywords.get("dtype") or (positional[1] if len(positional) > 1 else None)
        return Weight(
            shape=_shape(shape),
            initializer=f'"{_FILL[last]}"',
            dtype=None if dtype is None else code(dtype).strip(),
            shape_expr=shape,
        )
    if keras is None:
        return "no Keras import to name the initializer"
    if last == "fill" and len(positional) == 2 and not keywords:
        number = _number(positional[1])
        if number is None:
            return recognised
        return Weight(
            shape=_shape(positional[0]),
            initializer=_constant(number, keras),
            shape_expr=positional[0],
        )
    if last == "constant" and positional and len(positional) == 1:
        number = _number(positional[0])
        if number is None or set(keywords) - {"shape", "dtype"}:
            return recognised
        shape = keywords.get("shape")
        dtype = keywords.get("dtype")
        if dtype is None and "." not in number:
            dtype_code: str | None = '"int32"'
        else:
            dtype_code = None if dtype is None else code(dtype).strip()
        return Weight(
            shape="()" if shape is None else _shape(shape),
            initializer=_constant(number, keras),
            dtype=dtype_code,
            shape_expr=shape,
        )
    if kind in ("random.normal", "random.truncated_normal", "random.uniform"):
        return _random(kind, positional, keywords, keras) or recognised
    return recognised


def _random(
    kind: str,
    positional: list[cst.BaseExpression],
    keywords: dict[str, cst.BaseExpression],
    keras: str,
) -> Weight | None:
    uniform = kind == "random.uniform"
    order = ["shape", "minval", "maxval", "dtype", "seed"] if uniform else [
        "shape", "mean", "stddev", "dtype", "seed"
    ]
    values = dict(zip(order, positional, strict=False))
    for key, value in keywords.items():
        if key not in order or key in values:
            return None
        values[key] = value
    if "shape" not in values:
        return None
    numbers = {}
    for key in ("minval", "maxval", "mean", "stddev"):
        if key in values:
            number = _number(values[key])
            if number is None:
                return None
            numbers[key] = _float(number)
    if uniform:
        args = f"minval={numbers.get('minval', '0.0')}, maxval={numbers.get('maxval', '1.0')}"
        cls = "RandomUniform"
    else:
        mean = f"mean={numbers['mean']}, " if "mean" in numbers else ""
        args = f"{mean}stddev={numbers.get('stddev', '1.0')}"
        cls = "TruncatedNormal" if kind == "random.truncated_normal" else "RandomNormal"
    if "seed" in values:
        args += f", seed={code(values['seed']).strip()}"
    dtype = values.get("dtype")
    return Weight(
        shape=_shape(values["shape"]),
        initializer=f"{keras}.initializers.{cls}({args})",
        dtype=None if dtype is None else code(dtype).strip(),
        shape_expr=values["shape"],
    )
