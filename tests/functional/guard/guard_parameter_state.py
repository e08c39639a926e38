"""The state of an object the traced function is given, tested and set in the guarded
branch, is a guard: the variable is made once per object, whether the branch creates it
directly or calls a helper (``if obj.w is None: obj.w = make_var()``), and whatever the
spelling (``None is obj.w``, ``getattr(obj, "s", None) is None``, ``not hasattr``,
``key not in obj.slots``). No message. (``obj.w == None`` is no guard for a variable:
guard_not_equality_of_variable.py.)"""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


def make_var(value=2.0):
    return tf.Variable(value)


class Holder(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = None
        self.b = None
        self.slots = {}


@tf.function
def helper_call_site(x, obj):
    if obj.w is None:
        obj.w = make_var()
    return x * obj.w


@tf.function
def reversed_none(x, obj):
    if None is obj.b:
        obj.b = tf.Variable(1.0)
    return x + obj.b


@tf.function
def not_hasattr(x, obj):
    if not hasattr(obj, "c"):
        obj.c = make_var(1.0)
    return x + obj.c


@tf.function
def getattr_none(x, obj):
    if getattr(obj, "s", None) is None:
        obj.s = make_var(3.0)
    return x * obj.s


@tf.function
def slot(x, obj, name):
    if name not in obj.slots:
        obj.slots[name] = make_var(0.5)
    return x + obj.slots[name]


if __name__ == "__main__":
    for function, expected in (
        (helper_call_site, 2.0),
        (reversed_none, 2.0),
        (not_hasattr, 2.0),
        (getattr_none, 3.0),
    ):
        holder = Holder()
        for _ in range(3):
            assert float(function(tf.constant(1.0), holder)) == expected, function
        assert len(holder.variables) == 1, (function, holder.variables)
    holder = Holder()
    for _ in range(3):
        assert float(slot(tf.constant(1.0), holder, "a")) == 1.5
    assert len(holder.variables) == 1, holder.variables
