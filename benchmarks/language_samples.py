"""Sample news articles for the language benchmark, written for this project (no evaluation text):
French, Spanish, Italian, Polish, Russian and Ukrainian paragraphs in the quotation styles and
frames the rules read, filled with invented names and places and shuffled with a fixed seed.

    from language_samples import write_samples; write_samples("fr", folder, n=300)
"""
from __future__ import annotations

import random
from pathlib import Path

_FILL = {
    "fr": {"first": ["Claire", "Paul", "Sophie", "Jean", "Marie", "Luc", "Anne", "Michel"],
           "last": ["Garnier", "Girard", "Dubois", "Martin", "Roux", "Morel", "Fabre", "Lemoine"],
           "place": ["Lyon", "Nantes", "Lille", "Rennes", "Dijon", "Tours"]},
    "es": {"first": ["Lucía", "Carlos", "Marta", "Andrés", "Elena", "Tomás"],
           "last": ["Romero", "Ortega", "Gil", "Molina", "Rivas", "Castro"],
           "place": ["Valencia", "Zaragoza", "Málaga", "Bilbao", "Murcia"]},
    "it": {"first": ["Luca", "Giulia", "Marco", "Paola", "Franco", "Elena"],
           "last": ["Ferri", "Conti", "Bianchi", "Riva", "Neri", "Greco"],
           "place": ["Torino", "Bologna", "Genova", "Bari", "Verona"]},
    "pl": {"first": ["Jan", "Anna", "Piotr", "Ewa", "Marek", "Zofia"],
           "last": ["Kowalski", "Nowak", "Wiśniewski", "Zając", "Lis", "Mazur"],
           "place": ["Gdańsk", "Poznań", "Lublin", "Opole", "Toruń"]},
    "ru": {"first": ["Игорь", "Олег", "Павел", "Сергей", "Антон"],
           "last": ["Соколов", "Миронов", "Ильин", "Орлов", "Белов"],
           "place": ["Казани", "Самаре", "Перми", "Туле", "Омске"]},
    "uk": {"first": ["Олег", "Андрій", "Тарас", "Богдан", "Степан"],
           "last": ["Ткаченко", "Мельник", "Бондар", "Коваленко", "Шевчук"],
           "place": ["Львові", "Харкові", "Одесі", "Полтаві", "Житомирі"]},
}

_PARAS = {
    "fr": [
        "Le maire {F} {N} a présenté mardi à {P} le budget de la ville pour l'année prochaine.",
        "« Nous tiendrons nos engagements envers les familles », a déclaré {N} devant le conseil municipal.",
        "Selon la préfecture, les travaux du nouveau pont commenceront au printemps et dureront deux ans.",
        "{N} a affirmé que les impôts locaux n'augmenteraient pas cette année.",
        "« Le chantier est prêt, a-t-il ajouté. Il ne manque que les dernières autorisations. »",
        "Un porte-parole du ministère a indiqué que l'État financerait une partie des travaux.",
        "La situation financière reste fragile, a estimé le président de l'opposition, {F2} {N2}.",
        "Pour {F2} {N2}, le constat est simple : « La ville vit au-dessus de ses moyens depuis dix ans. »",
        "Le conseil votera le texte à la fin du mois, après une dernière réunion publique.",
        "D'après les services techniques, la circulation sera déviée pendant six semaines.",
    ],
    "es": [
        "La alcaldesa {F} {N} presentó el martes en {P} los presupuestos del próximo año.",
        "«Vamos a cumplir con todas las familias», afirmó {N} ante el pleno municipal.",
        "Según el ayuntamiento, las obras del nuevo puente empezarán en primavera.",
        "{N} dijo que los impuestos municipales no subirán este año.",
        "—Las cuentas están equilibradas —señaló la alcaldesa—. No habrá recortes.",
        "Un portavoz del ministerio indicó que el Estado financiará parte de las obras.",
        "La situación es frágil, advirtió el líder de la oposición, {F2} {N2}.",
        "El pleno votará el texto a finales de mes tras una última reunión pública.",
    ],
    "it": [
        "Il sindaco {F} {N} ha presentato martedì a {P} il bilancio del prossimo anno.",
        "«Manterremo tutti gli impegni con le famiglie», ha detto {N} davanti al consiglio comunale.",
        "Secondo la prefettura, i lavori del nuovo ponte inizieranno in primavera.",
        "{N} ha affermato che le tasse locali non aumenteranno quest'anno.",
        "Un portavoce del ministero ha spiegato che lo Stato finanzierà parte dei lavori.",
        "«I conti sono in ordine», ha sottolineato l'assessore {F2} {N2}, «e non ci saranno tagli.»",
        "Il consiglio voterà il testo alla fine del mese dopo un'ultima riunione pubblica.",
    ],
    "pl": [
        "Burmistrz {F} {N} przedstawił we wtorek w mieście {P} budżet na przyszły rok.",
        "„Dotrzymamy wszystkich zobowiązań wobec rodzin” – powiedział {N} radnym.",
        "Według urzędu prace przy nowym moście rozpoczną się wiosną.",
        "{N} zapewnił, że podatki lokalne w tym roku nie wzrosną.",
        "– Budżet jest zrównoważony – dodał burmistrz. – Nie będzie cięć.",
        "Rzecznik ministerstwa poinformował, że państwo sfinansuje część prac.",
        "Jak podkreślił radny {F2} {N2}, sytuacja finansowa miasta pozostaje trudna.",
        "Rada zagłosuje nad projektem pod koniec miesiąca.",
    ],
    "ru": [
        "Мэр {F} {N} представил во вторник в {P} бюджет на следующий год.",
        "«Мы выполним все обязательства перед семьями», — заявил {N} депутатам.",
        "По данным администрации, строительство нового моста начнется весной.",
        "{N} сказал, что местные налоги в этом году не вырастут.",
        "— Бюджет сбалансирован, — добавил мэр. — Сокращений не будет.",
        "В министерстве сообщили, что государство оплатит часть работ.",
        "Как отметил депутат {F2} {N2}, финансовое положение города остается сложным.",
        "Совет проголосует за проект в конце месяца.",
    ],
    "uk": [
        "Мер {F} {N} представив у вівторок у {P} бюджет на наступний рік.",
        "«Ми виконаємо всі зобов'язання перед родинами», — заявив {N} депутатам.",
        "За даними адміністрації, будівництво нового мосту розпочнеться навесні.",
        "{N} сказав, що місцеві податки цього року не зростуть.",
        "— Бюджет збалансований, — додав мер. — Скорочень не буде.",
        "У міністерстві повідомили, що держава оплатить частину робіт.",
        "Як зазначив депутат {F2} {N2}, фінансовий стан міста залишається складним.",
        "Рада проголосує за проєкт наприкінці місяця.",
    ],
}

LANGUAGES = tuple(_PARAS)


def article(lang: str, rng: random.Random) -> str:
    fill = _FILL[lang]
    first, first2 = rng.sample(fill["first"], 2)
    last, last2 = rng.sample(fill["last"], 2)
    paras = _PARAS[lang]
    body = [paras[0]] + rng.sample(paras[1:], k=len(paras) - 1)
    body = body * 2  # about 2,000 characters, a short news article
    return "\n\n".join(p.format(F=first, N=last, F2=first2, N2=last2, P=rng.choice(fill["place"])) for p in body)


def write_samples(lang: str, folder: Path, n: int = 300, seed: int = 18) -> list[Path]:
    rng = random.Random(f"{lang}-{seed}")
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"{lang}-{i:04d}.txt"
        p.write_text(article(lang, rng), encoding="utf-8")
        out.append(p)
    return out
