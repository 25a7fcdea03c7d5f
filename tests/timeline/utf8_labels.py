# asy-only: timeline checks (virtual clock). Labels too long for the text
# chart, the summary or the SVG are cut with "…", never inside a UTF-8
# character, and the rows stay aligned (the ellipsis is one column).
import asyncio


async def télécharger(fichier, délai):
    await asyncio.sleep(délai)
    return fichier


async def main():
    await asyncio.gather(
        asyncio.create_task(télécharger("données_été.csv", 0.2), name="tâche-numéro-un-très-longue-à-lire"),
        asyncio.create_task(télécharger("ü", 0.1), name="ß"),
    )


asyncio.run(main())
