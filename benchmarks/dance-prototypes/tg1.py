from artist_cv import *
from onsets import *
import sys
def ftempo(o,L=48,lo=40,hi=320,win=None):
    # Fourier tempogram magnitude at log-spaced BPM, over 8 s Hann windows hop 2 s, averaged; normalised to max 1
    bpm=lo*(hi/lo)**(np.arange(L)/(L-1)); f=bpm/60.0
    t=np.arange(len(o))*HOP
    w=int(8/HOP); h=int(2/HOP); acc=np.zeros(L); cnt=0
    hann=np.hanning(w)
    E=np.exp(-2j*np.pi*np.outer(f,np.arange(w)*HOP))
    for s in range(0,len(o)-w+1,h):
        seg=(o[s:s+w]-o[s:s+w].mean())*hann
        acc+=np.abs(E@seg); cnt+=1
    acc/=cnt; return acc/(acc.max()+1e-9)
def localacf(o,L=64):
    w=int(8/HOP); h=int(2/HOP); acc=np.zeros(L); cnt=0
    maxlag=int(np.ceil(lag_s(L-0.5)/HOP))
    for s in range(0,len(o)-w+1,h):
        seg=o[s:s+w]; acc+=pool(rawacf(seg,maxlag)); cnt+=1
    return acc/cnt
def normacf(o,steps=np.arange(0.25,8.01,0.25)):
    # beat period P: ACF peak in 0.3-1.0 s weighted by a log-Gaussian around 0.5 s (120 BPM); ACF read at multiples of P
    maxlag=int(10/HOP); r=rawacf(o,maxlag)
    lags=np.arange(maxlag+1)*HOP; ok=(lags>=0.3)&(lags<=1.0)
    wgt=np.exp(-0.5*(np.log2(lags[ok]/0.5)/1.0)**2)
    P=lags[ok][np.argmax(r[ok]*wgt)]
    vals=[]
    for m in steps:
        c=m*P/HOP; a=int(np.floor(c*0.97)); b=int(np.ceil(c*1.03))
        vals.append(r[a:b+1].max() if b<=maxlag else 0)
    return np.concatenate([[np.log2(P)],vals])
V={}
V['A']=np.array([acfA(o) for o in ON])
which=sys.argv[1:] or ['F','L','N']
if 'F' in which: V['F']=np.array([ftempo(o) for o in ON])
if 'L' in which: V['L']=np.array([localacf(o) for o in ON])
if 'N' in which: V['N']=np.array([normacf(o) for o in ON])
print('A vs cache max diff',np.abs(V['A']-rh).max())
emb=np.hstack([blocks['crnn_e'],blocks['fcn_e']])
def rep(name,R):
    for l2 in (0.01,0.1):
        print(name,l2,'only',fmt(cv(R,y,l2)),'| emb+',fmt(cv(np.hstack([emb,R]),y,l2)),flush=True)
rep('A',V['A'])
for k in which:
    rep(k,V[k]); rep('A+'+k,np.hstack([V['A'],V[k]]))
np.savez('v1.npz',**V)
