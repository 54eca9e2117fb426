"""Pick the sentences annotated in eval/time-dev.jsonl (see eval/README.md).

Writes cand.json (sentences to annotate by hand); the second batch used seed 2323 and a
smaller quota per year (11 years, 1-2 articles each).
"""
import json, glob, random, re, os
D='/work/shared/data/quotes/wikinews-quotes-2024/train/'
files=sorted(glob.glob(D+'*.json'))
by={}
for f in files:
    m=re.search(r'\((\d{4})-(\d\d)-(\d\d)\)',f)
    if not m or m.group(1)=='0001': continue
    by.setdefault(m.group(1),[]).append(f)
rnd=random.Random(23)
quota={'2004':2,'2005':6,'2006':6,'2007':4,'2008':4,'2009':3,'2010':3,'2011':3,'2012':2,'2013':1,'2014':1,'2015':1,'2016':1,'2017':2,'2018':1,'2019':1,'2020':1,'2021':1}
pick=[]
for y,n in quota.items(): pick+=rnd.sample(by[y],n)
CUE=re.compile(r'\d|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|tag\b|tags\b|woch|monat|jahr|Jahr|heute|gestern|morgen|Uhr|Stunde|Minute|Frühjahr|Sommer|Herbst|Winter|Anfang|Ende|Mitte|seit|bald|damals|derzeit|zurzeit|jetzt|früher|nacht|Nacht|abend|Abend',)
out=[]
for f in pick:
    d=json.load(open(f)); t=d['originalText']
    pub=re.search(r'\((\d{4}-\d\d-\d\d)\)',f).group(1)
    doc=os.path.basename(f).split(' - ')[0]
    sents=[]
    for pm in re.finditer(r'[^\n]+',t):
        st=pm.start()
        for bm in re.finditer(r'(?<![0-9])(?<!\bDr)(?<!\bca)(?<!\bSt)[.!?][“"]?(?=\s+[A-ZÄÖÜ„"])',pm.group()):
            sents.append((st,pm.start()+bm.end())); st=pm.start()+bm.end()
            while t[st]==' ': st+=1
        if pm.end()>st: sents.append((st,pm.end()))
    sents=[(s,e) for s,e in sents if e-s>30]
    withc=[x for x in sents if CUE.search(t[x[0]:x[1]])]
    without=[x for x in sents if not CUE.search(t[x[0]:x[1]])]
    chosen=withc[:4]+without[:1]
    chosen.sort()
    for s,e in chosen:
        txt=t[s:e].strip()
        out.append({'id':f'{doc}-{s}','doc':doc,'published':pub,'text':txt})
json.dump(out,open('cand.json','w'),ensure_ascii=False,indent=0)
for i,o in enumerate(out): print(i,o['published'],o['text'])
