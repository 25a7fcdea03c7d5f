# uncaught KeyError: the message line shows the key's repr
config = {"host": "localhost"}
print("host is", config["host"])
print("port is", config["port"])
