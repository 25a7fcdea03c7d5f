-- Port of bench/calls.py: plain functions, methods through a metatable (Lua's
-- usual way to write classes) and a constructor, 6 calls per iteration.
local Counter = {}
Counter.__index = Counter

function Counter.new()
  return setmetatable({count = 0}, Counter)
end

function Counter:add(k)
  self.count = self.count + k
  return self
end

local Point = {}
Point.__index = Point

function Point.new(x, y)
  return setmetatable({x = x, y = y}, Point)
end

function Point:norm1()
  return math.abs(self.x) + math.abs(self.y)
end

local function inc(x)
  return x + 1
end

local function add3(a, b, c)
  return a + b + c
end

local function main(n)
  local c = Counter.new()
  local s = 0
  for i = 0, n - 1 do
    s = add3(s, inc(i), -i)
    c:add(1)
    c:add(i & 3)
    s = s + (Point.new(i, -1):norm1() & 1)
  end
  print(s .. " " .. c.count)
end

main(math.tointeger(tonumber(arg[1])) or 1000000)
