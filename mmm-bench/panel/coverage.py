import json, sys
t=json.load(open(sys.argv[1])); r=json.load(open(sys.argv[2]))
cov=n=0; errs=[]
for tc, rc in zip(t['cells'], r['cells']):
    assert tc['brand']==rc['brand'] and tc['geo']==rc['geo'], (tc['brand'],rc['brand'],tc['geo'],rc['geo'])
    for a,b in zip(tc['channels'], rc['channels']):
        assert a['name']==b['name']
        n+=1; cov+= b['roi_lower']<=a['roi']<=b['roi_upper']; errs.append(b['roi']/a['roi']-1)
import statistics
print('cell coverage %.3f (%d/%d), mean rel err %+.3f, median %+.3f'%(cov/n,cov,n,statistics.mean(errs),statistics.median(errs)))
for a,b in zip(t['channels'], r['channels']):
    print(' total %s truth %.5f est %.5f [%.5f, %.5f] err %+.3f'%(a['name'],a['roi'],b['roi'],b['roi_lower'],b['roi_upper'],b['roi']/a['roi']-1))
if 'price_elasticity' in r:
    for e in r['price_elasticity']: print(' elasticity', e['brand'], t['elasticity'].get(e['brand']), '%.3f [%.3f, %.3f]'%(e['mean'],e['lower'],e['upper']))
d=r.get('diagnostics',{}); print(' rhat %.4f ess %.0f div %s'%(d.get('rhat_max',0) or 0, d.get('ess_bulk_min',0) or 0, d.get('divergences')))
