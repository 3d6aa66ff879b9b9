from artist_cv import *
from onsets import *
from tempogram import ftempo
V=dict(np.load('v1.npz'))
emb=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
def rep(name,R,l2s=(0.01,0.1)):
    for l2 in l2s:
        print(name,l2,'only',fmt(cv(R,y,l2)),'| emb+',fmt(cv(np.hstack([emb,R]),y,l2)),flush=True)
B=dict(wl=4,hs=1,norm='local')
F4=np.array([ftempo(o,**B) for o in ON]); np.save('F4.npy',F4)
for kw in [dict(wl=3,hs=1,norm='local'),dict(wl=2,hs=0.5,norm='local'),dict(wl=4,hs=1,norm='local',L=32),dict(wl=4,hs=1,norm='local',lo=30,hi=480,L=56)]:
    R=np.array([ftempo(o,**kw) for o in ON]); rep('F'+str(kw),R)
rep('F4+A',np.hstack([F4,V['A']]))
rep('F4+L',np.hstack([F4,V['L']]))
MB=np.array([np.concatenate([ftempo(detr(onset(m,slice(a,b))),**B) for a,b in ((0,24),(24,60),(60,96))]) for m in mels])
rep('F4 3band',MB); rep('F4+3band',np.hstack([F4,MB]))
