"""A brand x region panel process with ground truth, for timing and recovery of the hierarchical model.

python3 brand_region_process.py SEED OUT  writes OUT.csv and OUT.truth.json:
3 brands x 8 regions = 24 cells, 156 weeks, 4 channels (tv, search, social, radio), populations log-uniform in
[2e5, 5e6], media per capita (geometric adstock normalised to sum 1, Hill slope 1), channel effects log-normal per
brand (sd 0.15) and per cell around it (sd 0.25), a baseline with yearly season multiplied by (price / 10)^e_brand
(e = -1.2, -1.8, -0.8), one control (macro), noise per capita. truth.json: per cell and in total each channel's
spend, contribution and ROI, and the elasticities. Fit with
./mmm fit OUT.csv --brand brand --geo region --population population --price price --controls macro --kpi sales
--model bayes, then python3 coverage.py OUT.truth.json DIR/results.json.
"""
import numpy as np, csv, datetime, json, sys
seed=int(sys.argv[1]); out=sys.argv[2]
rng=np.random.default_rng(seed)
T=156; B=3; R=8
brands=['alpha','beta','gamma'][:B]; regions=['r%02d'%i for i in range(R)]
pop={r: float(np.exp(rng.uniform(np.log(2e5), np.log(5e6)))) for r in regions}
pbar=np.mean(list(pop.values()))
chans=['tv','search','social','radio']
beta={'tv':0.35,'search':0.25,'social':0.15,'radio':0.12}   # per-capita effect at saturation, in units of baseline-per-capita
alpha={'tv':0.6,'search':0.2,'social':0.4,'radio':0.5}
ec={'tv':1.0,'search':0.8,'social':1.2,'radio':1.0}
spendmean={'tv':3000,'search':1500,'social':800,'radio':600}
el={'alpha':-1.2,'beta':-1.8,'gamma':-0.8}
brand_eff={b:{c:np.exp(0.15*rng.standard_normal()) for c in chans} for b in brands}
cell_eff={(b,r):{c:brand_eff[b][c]*np.exp(0.25*rng.standard_normal()) for c in chans} for b in brands for r in regions}
brand_base={'alpha':100,'beta':70,'gamma':50}
t=np.arange(T); season=1+0.1*np.sin(2*np.pi*t/52.18)+0.05*np.cos(4*np.pi*t/52.18)
rows=[]; truth={'cells':[]}
tot={c:[0,0] for c in chans}
ctrl_common=rng.standard_normal(T).cumsum()*0.05
def ad(x,a):
    y=np.zeros_like(x)
    for i in range(len(x)): y[i]=x[i]+(a*y[i-1] if i else 0)
    return y*(1-a)
for b in brands:
  for r in regions:
    size=pop[r]/pbar
    base=brand_base[b]*size*season*(1+0.02*rng.standard_normal())
    price=10*np.exp(0.05*rng.standard_normal(T)-0.1*((t+3*brands.index(b))%13<2))
    ctrl=ctrl_common+0.1*rng.standard_normal(T)
    y=base*(price/10)**el[b]+3*size*ctrl
    cell={'brand':b,'geo':r,'channels':[]}
    sp={}
    for c in chans:
        s=size*spendmean[c]*rng.gamma(3,1/3,T)*(rng.random(T)>0.15)
        sp[c]=s
        x=ad(s/(size*spendmean[c]),alpha[c])
        contrib=size*brand_base[b]*beta[c]*cell_eff[(b,r)][c]*x/(x+ec[c])
        y=y+contrib
        cell['channels'].append({'name':c+'_spend','spend':float(s.sum()),'contribution':float(contrib.sum()),'roi':float(contrib.sum()/s.sum())})
        tot[c][0]+=s.sum(); tot[c][1]+=contrib.sum()
    y=y+rng.standard_normal(T)*2*np.sqrt(size)*brand_base[b]/100
    truth['cells'].append(cell)
    d0=datetime.date(2022,1,3)
    for i in range(T):
        rows.append([str(d0+datetime.timedelta(weeks=int(i))),b,r]+[round(sp[c][i],2) for c in chans]+[round(price[i],4),round(ctrl[i],4),int(pop[r]),round(y[i],3)])
truth['channels']=[{'name':c+'_spend','spend':tot[c][0],'contribution':tot[c][1],'roi':tot[c][1]/tot[c][0]} for c in chans]
truth['elasticity']=el
json.dump(truth,open(out+'.truth.json','w'),indent=1)
with open(out+'.csv','w',newline='') as f:
    w=csv.writer(f); w.writerow(['date','brand','region']+[c+'_spend' for c in chans]+['price','macro','population','sales']); w.writerows(rows)
