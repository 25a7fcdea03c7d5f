# calling something that is not callable
handlers = {"start": print, "stop": None}
handlers["start"]("starting")
handlers["stop"]("stopping")
