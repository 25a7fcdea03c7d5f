# AttributeError on a class object ("type object ..."): class attributes are candidates
class Config:
    timeout = 5
    retries = 3

print(Config.timout)
