-- Port of bench/loops.py: a while loop and nested for loops, n iterations each.
-- Lua's for is inclusive, so range(m) becomes 0, m - 1.
local function main(n)
  local total = 0
  local i = 0
  while i < n do
    total = total + i % 7 * 3 - 1
    i = i + 1
  end

  local m = 1
  while (m + 1) * (m + 1) <= n do
    m = m + 1
  end
  local acc = 0
  for a = 0, m - 1 do
    for b = 0, m - 1 do
      acc = acc + (a ~ b)
    end
  end
  print(total .. " " .. m .. " " .. acc)
end

main(math.tointeger(tonumber(arg[1])) or 10000000)
