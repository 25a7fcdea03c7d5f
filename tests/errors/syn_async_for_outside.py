# SyntaxError: 'async for' outside async function
def consume(agen):
    async for item in agen:
        print(item)
