# custom exceptions as classes: extra attributes, __str__ override, super().__init__ args, inheritance for catching
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what, where="db"):
        super().__init__(what, where)
        self.what = what
        self.where = where
    def __str__(self):
        return f"{self.what} not found in {self.where}"
class Invalid(AppError):
    def __init__(self, field):
        super().__init__(f"invalid field {field!r}")
        self.field = field
for exc in (NotFound("user"), NotFound("row", "cache"), Invalid("age"), AppError("plain"), AppError()):
    try:
        raise exc
    except NotFound as e:
        print("NotFound:", e, e.args, e.where)
    except AppError as e:
        print(type(e).__name__ + ":", e, e.args, repr(e))
print(issubclass(NotFound, Exception), isinstance(Invalid("x"), AppError), repr(Invalid("x")))
